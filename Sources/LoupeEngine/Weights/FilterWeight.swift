/// A query made only of metadata filters: the documents the filter passes, each with score 0.
final class FilterWeight: Weight {
    let filter: DocFilter

    init(_ filter: DocFilter) { self.filter = filter }

    func scorer(frequencies: Bool) throws -> Scorer? { FilterScorer(filter) }
    func addHighlights(to out: inout HighlightTerms) {}
}

/// Scoring clauses restricted by metadata filters. The words keep their own retrieval algorithm:
/// the filter rejects documents beside the tombstones (its score 0 adds nothing to any bound).
final class FilteredWeight: Weight {
    let positive: Weight
    let filter: DocFilter

    init(positive: Weight, filter: DocFilter) {
        self.positive = positive
        self.filter = filter
    }

    func scorer(frequencies: Bool) throws -> Scorer? {
        try positive.scorer(frequencies: frequencies).map { FilteredScorer(positive: $0, filter: filter) }
    }

    func addHighlights(to out: inout HighlightTerms) { positive.addHighlights(to: &out) }

    func topDocs(k: Int, algorithm: RetrievalAlgorithm, context: CollectionContext) throws -> TopDocsRun {
        try positive.topDocs(k: k, algorithm: algorithm, context: context.rejecting(filter))
    }

    func count(context: CollectionContext) throws -> Int {
        try positive.count(context: context.rejecting(filter))
    }
}
