import LoupeIndex
import LoupeQuery

/// How a query is interpreted and scored.
public struct SearchOptions: Sendable {
    /// Hits to return.
    public var limit = 10
    /// Hits to skip before the returned ones.
    public var offset = 0
    /// BM25 parameters; nil uses the index's configured defaults.
    public var bm25: BM25Parameters? = nil
    /// Fields searched by words without a field, with their weights (BM25F-style field boosts).
    public var fields: [IndexField: Double] = [.body: 1, .title: 2]
    /// How adjacent clauses combine.
    public var defaultOperator: DefaultOperator = .or
    /// Reject malformed queries with a syntax error instead of reading them as text.
    public var strict = false
    /// The most clauses a query may have.
    public var maxClauses = 1024
    /// The most terms one `prefix*` expands to (per field).
    public var maxExpansions = 64
    /// Attach a snippet (best passage, marked) to every returned hit.
    public var snippets = false
    /// Give each hit its size and metadata (type, extension, date, named fields) from its
    /// record. Off, a hit carries its id and title only, what a `SEARCH` reply shows, and the
    /// rest of its record is not decoded.
    public var hitMetadata = true
    /// Target snippet length in characters.
    public var snippetLength = 160
    /// How the top hits are found; all algorithms return the same hits.
    public var algorithm: RetrievalAlgorithm = .maxscore
    /// Rank documents where neighbouring query words occur close together higher
    /// (``ProximityClauses``).
    public var proximity = true
    /// RM3 pseudo-relevance feedback (``QueryExpansion``): the query is expanded with the best
    /// terms of its first-pass best documents before it is run. nil (the default) runs the query
    /// as written.
    public var expansion: ExpansionParameters? = nil
    /// Count every match exactly (``SearchResults/total``); off makes top-k faster.
    public var countTotal = true
    /// The order of the hits: by score (the default), or by modification date (every match is
    /// visited, its date read from the `modified` column; the total is then always exact).
    public var sort: HitOrder = .score
    /// When the query must stop: past it, retrieval and counting throw ``SearchError/timeout``.
    public var deadline: Deadline = .never

    public init() {}
}
