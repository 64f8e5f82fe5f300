import LoupeEngine

/// The `--json` form of search results, documented in the README:
/// `{"total": N, "took_us": T, "hits": [{"rank": 1, "score": 12.3, "id": "...", "title": "..."}]}`.
enum ResultsJSON {
    static func render(_ results: SearchResults) -> String {
        JSONValue.object([
            ("total", .int(results.total)),
            ("took_us", .int(results.tookMicroseconds)),
            ("hits", .array(results.hits.map { hit in
                .object([("rank", .int(hit.rank)), ("score", .double(hit.score)), ("id", .string(hit.id)), ("title", .string(hit.title))])
            })),
        ]).text
    }
}

/// The human form: a header line, then one line per hit (rank, score, id, title).
enum HumanResults {
    static func render(_ results: SearchResults) -> String {
        var lines = ["\(results.total) matching document\(results.total == 1 ? "" : "s") (\(results.tookMicroseconds) µs)"]
        for hit in results.hits {
            lines.append(String(format: "%4d  %8.4f  ", hit.rank, hit.score) + hit.id + (hit.title.isEmpty ? "" : "  —  " + hit.title))
        }
        return lines.joined(separator: "\n")
    }
}
