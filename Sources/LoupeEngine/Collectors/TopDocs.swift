import LoupeIndex

/// Runs a scorer tree into a top-k collector with the chosen retrieval algorithm.
///
/// Pruning applies where it is sound and useful: a disjunction or conjunction of term leaves, or
/// a single term. Other shapes (phrases, exclusions, nested booleans) are scored exhaustively.
/// Deleted documents are skipped before they reach the collector. The returned count is the
/// number of documents offered to the collector, which is the exact total only for
/// ``RetrievalAlgorithm/exhaustive``.
enum TopDocs {
    static func collect(_ scorer: Scorer, k: Int, algorithm: RetrievalAlgorithm, reader: IndexReader) -> (TopKCollector, Int) {
        collect(scorer, k: k, algorithm: algorithm, skipping: reader.statistics.deletedDocs > 0 ? { reader.isDeleted($0) } : nil)
    }

    /// `deleted` rejects documents before they are offered: the tombstones, and a filter's
    /// rejections once a ``FilteredScorer`` is unwrapped.
    private static func collect(_ scorer: Scorer, k: Int, algorithm: RetrievalAlgorithm, skipping deleted: ((UInt32) -> Bool)?) -> (TopKCollector, Int) {
        var collector = TopKCollector(k: k)
        var offered = 0
        switch (algorithm, scorer) {
        case (.exhaustive, _), (_, _) where k == 0:
            offered = exhaustive(scorer, &collector, deleted)
        case (_, let filtered as FilteredScorer):
            // The words run with their own algorithm; the filter rejects like a tombstone (score 0 adds nothing to a bound).
            let filter = filtered.filter
            let rejected: (UInt32) -> Bool = deleted.map { deleted in { deleted($0) || !filter.matches($0) } } ?? { !filter.matches($0) }
            return collect(filtered.positive, k: k, algorithm: algorithm, skipping: rejected)
        case (.maxscore, let union as DisjunctionScorer) where union.leaves(TermScorer.self) != nil:
            offered = MaxScoreRunner(union.leaves(TermScorer.self)!).run(&collector, deleted)
        case (.maxscore, let union as DisjunctionScorer) where union.leaves(BM25FTermScorer.self) != nil:
            offered = MaxScoreRunner(union.leaves(BM25FTermScorer.self)!).run(&collector, deleted)
        case (.bmw, let union as DisjunctionScorer) where union.blockMaxLeaves != nil:
            offered = BlockMaxWANDRunner(union.blockMaxLeaves!).run(&collector, deleted)
        case (_, let conjunction as ConjunctionScorer) where conjunction.leaves(TermScorer.self) != nil:
            offered = BlockMaxConjunctionRunner(conjunction.leaves(TermScorer.self)!).run(&collector, deleted)
        case (_, let conjunction as ConjunctionScorer) where conjunction.leaves(BM25FTermScorer.self) != nil:
            offered = BlockMaxConjunctionRunner(conjunction.leaves(BM25FTermScorer.self)!).run(&collector, deleted)
        case (_, let term as TermScorer):
            offered = TermTopKRunner(term: term).run(&collector, deleted)
        case (_, let phrase as PhraseScorer):
            offered = phraseTopK(phrase, &collector, deleted)
        case (_, let term as BM25FTermScorer):
            offered = BlockMaxConjunctionRunner([term]).run(&collector, deleted)
        default:
            offered = exhaustive(scorer, &collector, deleted)
        }
        return (collector, offered)
    }

    /// Scores every match.
    static func exhaustive(_ scorer: Scorer, _ collector: inout TopKCollector, _ deleted: ((UInt32) -> Bool)?) -> Int {
        var offered = 0
        var doc = scorer.doc
        while doc != terminatedDoc {
            if deleted?(doc) != true {
                offered += 1
                collector.offer(doc: doc, score: scorer.score())
            }
            doc = scorer.next()
        }
        return offered
    }

    /// Top-k of a phrase, telling it the threshold so that it skips candidates whose bound
    /// cannot compete before reading their positions.
    static func phraseTopK(_ phrase: PhraseScorer, _ collector: inout TopKCollector, _ deleted: ((UInt32) -> Bool)?) -> Int {
        var offered = 0
        var doc = phrase.doc
        while doc != terminatedDoc {
            if deleted?(doc) != true {
                offered += 1
                if collector.offer(doc: doc, score: phrase.score()) { phrase.minimumCompetitiveScore = collector.threshold }
            }
            doc = phrase.next()
        }
        return offered
    }

    /// Counts matches without scoring them.
    static func count(_ scorer: Scorer, reader: IndexReader) -> Int {
        let filter = reader.statistics.deletedDocs > 0
        var total = 0
        var doc = scorer.doc
        while doc != terminatedDoc {
            if !filter || !reader.isDeleted(doc) { total += 1 }
            doc = scorer.next()
        }
        return total
    }
}

extension DisjunctionScorer {
    /// The sub-scorers when every one is a `Leaf`.
    func leaves<Leaf: BlockMaxScorer>(_ type: Leaf.Type) -> [Leaf]? {
        let leaves = scorers.compactMap { $0 as? Leaf }
        return leaves.count == scorers.count ? leaves : nil
    }

    /// The sub-scorers when every one bounds its blocks.
    var blockMaxLeaves: [BlockMaxScorer]? {
        let leaves = scorers.compactMap { $0 as? BlockMaxScorer }
        return leaves.count == scorers.count ? leaves : nil
    }
}

extension ConjunctionScorer {
    /// The sub-scorers when every one is a `Leaf`.
    func leaves<Leaf: BlockMaxScorer>(_ type: Leaf.Type) -> [Leaf]? {
        let leaves = scorers.compactMap { $0 as? Leaf }
        return leaves.count == scorers.count ? leaves : nil
    }
}
