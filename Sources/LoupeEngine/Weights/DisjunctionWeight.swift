/// Matches what any of its clauses matches and adds their scores: a word that analyses to
/// several tokens, a prefix's expansions, a phrase over several fields, or a boolean query of
/// optional clauses only.
///
/// It may hold a single clause, to mark the words of clauses that match nothing (`title:known
/// OR unknownword` still marks both); pruning then sees through it to that clause.
///
/// When every clause is a term leaf of one kind, top-k runs block-max MaxScore or block-max
/// WAND over them; otherwise every match is scored.
final class DisjunctionWeight: Weight {
    /// The clause shapes retrieval can prune, classified once when the weight is built.
    private enum Leaves {
        case terms([TermQueryWeight])
        case fieldTerms([FieldsTermWeight])
        case other
    }

    /// Clauses that can match (never ``NoMatchWeight``).
    let clauses: [Weight]
    private let leaves: Leaves
    /// The words of clauses that match nothing, still marked in snippets.
    private let unmatched: HighlightTerms

    /// `clauses` is not empty.
    init(_ clauses: [Weight], unmatched: HighlightTerms = HighlightTerms()) {
        precondition(!clauses.isEmpty)
        self.clauses = clauses
        self.unmatched = unmatched
        if let terms = clauses.all(TermQueryWeight.self) {
            leaves = .terms(terms)
        } else if let terms = clauses.all(FieldsTermWeight.self) {
            leaves = .fieldTerms(terms)
        } else {
            leaves = .other
        }
    }

    func scorer(frequencies: Bool) throws -> Scorer? {
        let scorers = try clauses.compactMap { try $0.scorer(frequencies: frequencies) }
        switch scorers.count {
        case 0: return nil
        case 1: return scorers[0]
        default: return DisjunctionScorer(scorers)
        }
    }

    func addHighlights(to out: inout HighlightTerms) {
        for clause in clauses { clause.addHighlights(to: &out) }
        out.add(unmatched)
    }

    func topDocs(k: Int, algorithm: RetrievalAlgorithm, context: CollectionContext) throws -> TopDocsRun {
        if clauses.count == 1 { return try clauses[0].topDocs(k: k, algorithm: algorithm, context: context) }
        var collector = TopKCollector(k: k)
        if algorithm != .exhaustive && k > 0 {
            switch (leaves, algorithm) {
            case (.terms(let terms), .maxscore):
                if let scorers = try terms.leafScorers() {
                    let offered = try MaxScoreRunner(scorers).run(&collector, context)
                    return TopDocsRun(collector, offered: offered, exact: false)
                }
            case (.fieldTerms(let terms), .maxscore):
                if let scorers = try terms.leafScorers() {
                    let offered = try MaxScoreRunner(scorers).run(&collector, context)
                    return TopDocsRun(collector, offered: offered, exact: false)
                }
            case (.terms(let terms), .bmw):
                if let scorers = try terms.leafScorers() {
                    let offered = try BlockMaxWANDRunner(scorers).run(&collector, context)
                    return TopDocsRun(collector, offered: offered, exact: false)
                }
            case (.fieldTerms(let terms), .bmw):
                if let scorers = try terms.leafScorers() {
                    let offered = try BlockMaxWANDRunner(scorers).run(&collector, context)
                    return TopDocsRun(collector, offered: offered, exact: false)
                }
            default:
                break
            }
        }
        guard let scorer = try scorer(frequencies: true) else { return TopDocsRun(collector, offered: 0, exact: true) }
        return try TopDocs.exhaustive(scorer, k: k, context)
    }

    func count(context: CollectionContext) throws -> Int {
        if clauses.count == 1 { return try clauses[0].count(context: context) }
        guard let scorer = try scorer(frequencies: false) else { return 0 }
        return try TopDocs.count(scorer, context)
    }
}

extension Array where Element == Weight {
    /// The elements as `W` when every one is a `W` (seeing through single-clause disjunctions).
    func all<W: Weight>(_ type: W.Type) -> [W]? {
        let typed = compactMap { weight -> W? in
            if let single = weight as? DisjunctionWeight, single.clauses.count == 1 { return single.clauses[0] as? W }
            return weight as? W
        }
        return typed.count == count ? typed : nil
    }
}
