import LoupeIndex

/// A query bound to one reader's statistics: parsed, analysed, expanded and weighted once by
/// ``QueryPlanner``, then asked for everything a search needs (Lucene's and Tantivy's `Weight`).
///
/// A weight makes fresh scorers (each call gives new iterators, so top-k and counting can run
/// one after the other), the terms a snippet marks, and top-k with the retrieval algorithm that
/// suits its shape. A new query type is one new `Weight`: its scorer, its highlights, and (only
/// if it can do better than scoring every match) its own ``topDocs(k:algorithm:context:)`` and
/// ``count(context:)``.
protocol Weight: AnyObject {
    /// A scorer standing on the first match; nil when nothing matches. With `frequencies` false
    /// the scorer only iterates doc ids (term frequencies are not decoded and ``Scorer/score()``
    /// must not be called): what counting uses.
    func scorer(frequencies: Bool) throws -> Scorer?
    /// Adds the terms and phrases a snippet should mark (positive clauses only).
    func addHighlights(to out: inout HighlightTerms)
    /// The best `k` documents, found with `algorithm` where this shape supports it (else every
    /// match is scored, which also counts them exactly).
    func topDocs(k: Int, algorithm: RetrievalAlgorithm, context: CollectionContext) throws -> TopDocsRun
    /// The exact number of live matches, without scoring.
    func count(context: CollectionContext) throws -> Int
}

extension Weight {
    func topDocs(k: Int, algorithm: RetrievalAlgorithm, context: CollectionContext) throws -> TopDocsRun {
        let collector = TopKCollector(k: k)
        guard let scorer = try scorer(frequencies: true) else { return TopDocsRun(collector, offered: 0, exact: true) }
        return try TopDocs.exhaustive(scorer, k: k, context)
    }

    func count(context: CollectionContext) throws -> Int {
        guard let scorer = try scorer(frequencies: false) else { return 0 }
        return try TopDocs.count(scorer, context)
    }

    /// The terms and phrases a snippet should mark for this query.
    var highlights: HighlightTerms {
        var out = HighlightTerms()
        addHighlights(to: &out)
        return out
    }
}

/// A weight of one term (in one field or several) whose scorers bound their blocks: what
/// MaxScore, block-max WAND and block-max conjunction run over.
protocol BlockMaxLeafWeight: Weight {
    associatedtype Leaf: BlockMaxScorer
    /// The leaf's scorer (nil when its postings are empty).
    func leafScorer(frequencies: Bool) throws -> Leaf?
}

extension BlockMaxLeafWeight {
    func scorer(frequencies: Bool) throws -> Scorer? { try leafScorer(frequencies: frequencies) }
}

extension Array where Element: BlockMaxLeafWeight {
    /// The leaves' scorers, with frequencies; nil when one has no postings (then a conjunction
    /// matches nothing, and a union takes the generic path).
    func leafScorers() throws -> [Element.Leaf]? {
        var out: [Element.Leaf] = []
        for weight in self {
            guard let scorer = try weight.leafScorer(frequencies: true) else { return nil }
            out.append(scorer)
        }
        return out
    }
}

/// Matches nothing (unknown words, only stop words, a required clause that matches nothing), but
/// keeps the words it was asked for so that snippets still mark them.
final class NoMatchWeight: Weight {
    private let words: HighlightTerms

    init(highlights: HighlightTerms = HighlightTerms()) { words = highlights }

    func scorer(frequencies: Bool) throws -> Scorer? { nil }
    func addHighlights(to out: inout HighlightTerms) { out.add(words) }
    func count(context: CollectionContext) throws -> Int { 0 }
}

/// What a top-k run found: the kept hits, and how many live documents it offered to the
/// collector, which is the exact total when `exact` (the run saw every match).
struct TopDocsRun {
    var collector: TopKCollector
    let offered: Int
    let exact: Bool

    init(_ collector: TopKCollector, offered: Int, exact: Bool) {
        self.collector = collector
        self.offered = offered
        self.exact = exact
    }
}
