/// Required clauses (all must match, their scores add up), optional ones (add their scores where
/// they match) and prohibited ones (exclude). ``QueryPlanner`` builds it only when there is a
/// required clause or a prohibited one; optional clauses alone are a ``DisjunctionWeight``.
///
/// Required term leaves of one kind, with nothing optional or prohibited, run block-max
/// conjunction; other shapes score every match.
final class BooleanWeight: Weight {
    /// The required clauses as pruning leaves, classified once.
    private enum Leaves {
        case terms([TermQueryWeight])
        case fieldTerms([FieldsTermWeight])
        case other
    }

    /// Required clauses, or (when there are none) the optional union that must then match.
    let required: [Weight]
    let optional: Weight?
    let prohibited: Weight?
    private let leaves: Leaves

    /// `required` is not empty; when there is only one required clause, `optional` or
    /// `prohibited` is set.
    init(required: [Weight], optional: Weight?, prohibited: Weight?) {
        precondition(!required.isEmpty)
        self.required = required
        self.optional = optional
        self.prohibited = prohibited
        if optional == nil && prohibited == nil, let terms = required.all(TermQueryWeight.self) {
            leaves = .terms(terms)
        } else if optional == nil && prohibited == nil, let terms = required.all(FieldsTermWeight.self) {
            leaves = .fieldTerms(terms)
        } else {
            leaves = .other
        }
    }

    func scorer(frequencies: Bool) throws -> Scorer? {
        var must: [Scorer] = []
        for clause in required {
            guard let scorer = try clause.scorer(frequencies: frequencies) else { return nil }
            must.append(scorer)
        }
        var positive: Scorer = must.count == 1 ? must[0] : ConjunctionScorer(must)
        // Counting needs no optional clause: it cannot change what matches.
        if frequencies, let optional, let scorer = try optional.scorer(frequencies: true) {
            positive = RequiredOptionalScorer(required: positive, optional: scorer)
        }
        if let prohibited, let scorer = try prohibited.scorer(frequencies: false) {
            positive = ExclusionScorer(positive: positive, negative: scorer)
        }
        return positive
    }

    func addHighlights(to out: inout HighlightTerms) {
        for clause in required { clause.addHighlights(to: &out) }
        optional?.addHighlights(to: &out)
    }

    func topDocs(k: Int, algorithm: RetrievalAlgorithm, context: CollectionContext) throws -> TopDocsRun {
        var collector = TopKCollector(k: k)
        if algorithm != .exhaustive && k > 0 {
            switch leaves {
            case .terms(let terms):
                guard let scorers = try terms.leafScorers() else { return TopDocsRun(collector, offered: 0, exact: true) }
                let offered = try BlockMaxConjunctionRunner(scorers).run(&collector, context)
                return TopDocsRun(collector, offered: offered, exact: false)
            case .fieldTerms(let terms):
                guard let scorers = try terms.leafScorers() else { return TopDocsRun(collector, offered: 0, exact: true) }
                let offered = try BlockMaxConjunctionRunner(scorers).run(&collector, context)
                return TopDocsRun(collector, offered: offered, exact: false)
            case .other:
                break
            }
        }
        guard let scorer = try scorer(frequencies: true) else { return TopDocsRun(collector, offered: 0, exact: true) }
        return try TopDocs.exhaustive(scorer, k: k, context)
    }
}
