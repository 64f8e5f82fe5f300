/// The parameters of RM3 pseudo-relevance feedback (``QueryExpansion``), with Anserini's names
/// and defaults: `fbDocs = 10`, `fbTerms = 10`, `originalQueryWeight = 0.5`.
public struct ExpansionParameters: Sendable, Equatable {
    /// The best documents of the first pass that the relevance model is estimated from (1…1000).
    public var feedbackDocs: Int
    /// The terms kept per feedback document and in the relevance model (1…1000).
    public var feedbackTerms: Int
    /// The share of the original query in the expanded one, from 0 (only the relevance model)
    /// to 1 (only the original query).
    public var originalQueryWeight: Double

    /// The largest `feedbackDocs` and `feedbackTerms` accepted.
    public static let maximumCount = 1000

    public init(feedbackDocs: Int = 10, feedbackTerms: Int = 10, originalQueryWeight: Double = 0.5) {
        self.feedbackDocs = feedbackDocs
        self.feedbackTerms = feedbackTerms
        self.originalQueryWeight = originalQueryWeight
    }

    /// Checks the ranges RM3 is defined for.
    /// - Throws: ``SearchError/invalidOption(_:)`` naming the parameter.
    public func validated() throws -> ExpansionParameters {
        guard (1...Self.maximumCount).contains(feedbackDocs) else {
            throw SearchError.invalidOption("expansion feedback documents must be between 1 and \(Self.maximumCount), got \(feedbackDocs)")
        }
        guard (1...Self.maximumCount).contains(feedbackTerms) else {
            throw SearchError.invalidOption("expansion feedback terms must be between 1 and \(Self.maximumCount), got \(feedbackTerms)")
        }
        guard originalQueryWeight.isFinite, (0...1).contains(originalQueryWeight) else {
            throw SearchError.invalidOption("expansion original query weight must be between 0 and 1, got \(originalQueryWeight)")
        }
        return self
    }
}
