import Foundation
import LoupeEngine

/// The `--json` form of search results, documented in the README:
/// `{"total": N, "took_us": T, "hits": [{"rank": 1, "score": 12.3, "id": "...", "title": "...",
/// "snippet": "...", "highlights": [[start, end], ...]}]}`; highlights are code-point offsets
/// into the snippet, and both snippet keys are absent when snippets are off. A query that found
/// little and has an unknown word also has `"suggestion": "..."`, the query to try instead. With
/// `metadata`, each hit also has `"type"`, `"ext"`, `"size"`, `"modified"` (seconds since 1970)
/// and `"fields"` (an object of the format's named values, such as an email's `from`). With
/// `--expand`, `"expansion": {"feedback_docs": N, "terms": [{"term": "...", "weight": W}, ...]}`
/// (plus `"original_boost"` for a query kept whole) lists what RM3 added.
enum ResultsJSON {
    static func render(_ results: ShownResults, suggestion: String? = nil, metadata: Bool = false) -> String {
        JSONValue.object([
            ("total", .int(results.total)),
            ("took_us", .int(results.tookMicroseconds)),
        ] + (suggestion.map { [("suggestion", JSONValue.string($0))] } ?? [])
            + (results.expansion.map { [("expansion", expansionJSON($0))] } ?? []) + [
            ("hits", .array(results.hits.map { hit in
                var members: [(String, JSONValue)] = [
                    ("rank", .int(hit.rank)), ("score", .double(hit.score)), ("id", .string(hit.id)), ("title", .string(hit.title)),
                ]
                if let snippet = hit.snippet {
                    members.append(("snippet", .string(snippet.text)))
                    members.append(("highlights", .array(snippet.highlights.map { .array([.int($0.lowerBound), .int($0.upperBound)]) })))
                }
                if metadata {
                    members += [
                        ("type", .string(hit.metadata.type.rawValue)), ("ext", .string(hit.metadata.ext)), ("size", .int(Int(hit.size))),
                        ("modified", .int(Int(hit.metadata.modified))),
                        ("fields", .object(hit.metadata.fields.map { ($0.name, .string($0.value)) })),
                    ]
                }
                return .object(members)
            })),
        ]).text
    }

    static func expansionJSON(_ expansion: QueryExpansion) -> JSONValue {
        .object(
            [("feedback_docs", .int(expansion.feedbackDocuments))]
                + (expansion.originalQueryBoost.map { [("original_boost", JSONValue.double($0))] } ?? [])
                + [("terms", .array(expansion.terms.map { .object([("term", .string($0.term)), ("weight", .double($0.weight))]) }))])
    }
}

/// The human form: a header line, then per hit a line with rank, score, id and title, and the
/// snippet indented below it, its matches in bold when `styled` (standard output is a terminal);
/// after the header, `Did you mean: …?` when there is a suggestion; with `metadata`, a line of
/// type, extension, size, date (UTC) and fields under the title; with `--expand`, the expanded
/// query's terms and weights (``expansionLine(_:)``).
enum HumanResults {
    static func render(_ results: ShownResults, suggestion: String? = nil, styled: Bool, metadata: Bool = false) -> String {
        var lines = ["\(results.total) matching document\(results.total == 1 ? "" : "s") (\(results.tookMicroseconds) µs)"]
        if let suggestion { lines.append("Did you mean: \(suggestion)?") }
        if let expansion = results.expansion { lines.append(expansionLine(expansion)) }
        for hit in results.hits {
            lines.append(String(format: "%4d  %8.4f  ", hit.rank, hit.score) + hit.id + (hit.title.isEmpty ? "" : "  —  " + hit.title))
            if metadata {
                let m = hit.metadata
                let date = Date(timeIntervalSince1970: TimeInterval(m.modified)).ISO8601Format()
                let fields = m.fields.map { "\($0.name): \($0.value)" }
                lines.append("                " + ([m.type.rawValue, m.ext.isEmpty ? "-" : "." + m.ext, "\(hit.size) B", date] + fields).joined(separator: "  "))
            }
            if let snippet = hit.snippet, !snippet.text.isEmpty {
                lines.append("                " + (styled ? bold(snippet) : snippet.text))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `Expanded from N documents: term^weight …`, with `(original query)^boost` first for a
    /// query kept whole.
    static func expansionLine(_ expansion: QueryExpansion) -> String {
        guard !expansion.terms.isEmpty else { return "Not expanded: its \(expansion.feedbackDocuments) best documents have no feedback term" }
        let original = expansion.originalQueryBoost.map { [String(format: "(original query)^%.4f", $0)] } ?? []
        let terms = expansion.terms.map { String(format: "%@^%.4f", $0.term, $0.weight) }
        return "Expanded from \(expansion.feedbackDocuments) document\(expansion.feedbackDocuments == 1 ? "" : "s"): "
            + (original + terms).joined(separator: " ")
    }

    /// The snippet with ANSI bold around each highlight.
    static func bold(_ snippet: ShownSnippet) -> String {
        let scalars = Array(snippet.text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var position = 0
        for range in snippet.highlights where range.lowerBound >= position && range.upperBound <= scalars.count {
            out.append(contentsOf: scalars[position..<range.lowerBound])
            out.append(contentsOf: "\u{1B}[1m".unicodeScalars)
            out.append(contentsOf: scalars[range])
            out.append(contentsOf: "\u{1B}[0m".unicodeScalars)
            position = range.upperBound
        }
        out.append(contentsOf: scalars[position...])
        return String(out)
    }
}
