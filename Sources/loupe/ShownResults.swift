import LoupeEngine
import LoupeIndex
import LoupeProtocol

/// A page of results as `loupe search` prints it: from the engine for a local search, or from a
/// daemon's `RESULTS` reply with `--server`, which carries no engine state (no doc ids).
struct ShownResults {
    /// Exact number of matching documents.
    var total: Int
    /// The search's own time, in microseconds (the daemon's `took_us` with `--server`).
    var tookMicroseconds: Int
    /// The hits of the page, best first.
    var hits: [ShownHit]
    /// The RM3 expansion a local `--expand` search used; a `RESULTS` reply does not carry it.
    var expansion: QueryExpansion?

    /// The engine's results of a local search.
    init(_ results: SearchResults) {
        total = results.total
        tookMicroseconds = results.tookMicroseconds
        expansion = results.expansion
        hits = results.hits.map { hit in
            ShownHit(
                rank: hit.rank, score: hit.score, id: hit.id, title: hit.title,
                snippet: hit.snippet.map { ShownSnippet(text: $0.text, highlights: $0.highlights) }, size: hit.size,
                metadata: hit.metadata)
        }
    }

    /// A daemon's reply; `snippets` tells whether they were asked for (an empty snippet is then
    /// still a snippet). Sizes and metadata are not in the reply: they start empty.
    init(_ reply: Reply.Results, snippets: Bool) {
        total = reply.total
        tookMicroseconds = reply.tookMicroseconds
        expansion = nil
        hits = reply.hits.map { hit in
            ShownHit(
                rank: hit.rank, score: hit.score, id: hit.id, title: hit.title,
                snippet: snippets ? ShownSnippet(text: hit.snippet, highlights: hit.highlights) : nil, size: 0,
                metadata: DocumentMetadata())
        }
    }
}

/// One printed hit.
struct ShownHit {
    var rank: Int
    var score: Double
    var id: String
    var title: String
    /// Nil when snippets were not asked for.
    var snippet: ShownSnippet?
    /// The document's size in bytes (printed with `--metadata`).
    var size: UInt64
    /// The document's metadata (printed with `--metadata`).
    var metadata: DocumentMetadata
}

/// A snippet and its highlighted spans, as Unicode code-point offsets into its text.
struct ShownSnippet {
    var text: String
    var highlights: [Range<Int>]
}
