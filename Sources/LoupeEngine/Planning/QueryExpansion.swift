/// What RM3 pseudo-relevance feedback made of a query (``ExpansionParameters``,
/// docs/ranking.md): the weighted terms added to it, as `loupe search --expand` and
/// `loupe explain --expand` show them.
public struct QueryExpansion: Sendable, Equatable {
    /// A term of the expanded query (an index term, searched in the default fields) and its
    /// weight, the boost its BM25 score is multiplied by.
    public struct Term: Sendable, Equatable {
        public let term: String
        public let weight: Double

        public init(term: String, weight: Double) {
            self.term = term
            self.weight = weight
        }
    }

    /// The expanded query's terms, heaviest first (ties by term).
    ///
    /// For a query of plain words, these are all its terms: each weighs
    /// `originalQueryWeight · q(t) + (1 − originalQueryWeight) · rm(t)`, where q is the query's
    /// words as a distribution (their boosts scaled to sum to 1) and rm the relevance model, so
    /// the weights sum to 1. For any other query (required words, phrases, fields, filters,
    /// exclusions) they are the relevance model's terms at `(1 − originalQueryWeight) · rm(t)`,
    /// added as optional clauses beside the original query, which keeps deciding what matches.
    public let terms: [Term]
    /// For a query other than plain words, the boost of its own clauses:
    /// `originalQueryWeight / n`, with n its positive terms and phrases, so that the
    /// weights still sum to 1; nil for plain words, whose terms are in ``terms``.
    public let originalQueryBoost: Double?
    /// The first-pass documents the relevance model was estimated from (0 when the query
    /// matched nothing, and then it is not expanded).
    public let feedbackDocuments: Int

    public init(terms: [Term], originalQueryBoost: Double?, feedbackDocuments: Int) {
        self.terms = terms
        self.originalQueryBoost = originalQueryBoost
        self.feedbackDocuments = feedbackDocuments
    }
}
