/// A scorer that can bound its scores block by block without decoding, which is what
/// block-max pruning (MaxScore, block-max WAND, block-max conjunction) needs.
public protocol BlockMaxScorer: Scorer {
    /// Points the block metadata at the first block that may hold a doc ≥ `target`, without
    /// moving ``doc``; returns the last doc id that bound covers (``terminatedDoc`` past the end).
    @discardableResult func shallowAdvance(to target: UInt32) -> UInt32
    /// An upper bound of the scores of documents up to the doc ``shallowAdvance(to:)`` returned.
    func blockMaxScore() -> Double
    /// An upper bound of the scores of documents from the block ``shallowAdvance(to:)`` pointed
    /// at through the first block reaching `end`, scanning at most `blocks` blocks, and the last
    /// doc id the bound covers (below `end` when the scan stopped early). Moves nothing.
    func maxScore(through end: UInt32, blocks: Int) -> (score: Double, last: UInt32)
    /// Postings to iterate: the lowest-cost leaf leads a conjunction.
    var cost: Int { get }
    /// Copies to `out` documents from ``doc`` on, none after `end` and at most `capacity`, that
    /// the scorer can list without moving, and returns how many: at least ``doc`` itself when it
    /// is at most `end`. A block-at-a-time conjunction's candidates.
    func candidates(through end: UInt32, into out: UnsafeMutablePointer<UInt32>, capacity: Int) -> Int
    /// Keeps, of the documents `docs[Int(selected[j])]` for `j < count` (increasing doc ids, none
    /// before ``doc``), those the scorer matches, compacted in order at the front of `selected`,
    /// writes each kept one's score to `scores[index]`, and returns how many it kept. The scorer
    /// ends on or past the last document it kept.
    func retainMatches(
        of docs: UnsafePointer<UInt32>, _ selected: UnsafeMutablePointer<Int32>, count: Int,
        scores: UnsafeMutablePointer<Double>
    ) -> Int
    /// Writes to `scores[index]` the score of `docs[index]`, for each `index = Int(selected[j])`
    /// with `j < count` (increasing), where `docs` is what ``candidates(through:into:capacity:)``
    /// last listed, the scorer not having moved since: the lead of a conjunction scoring its own
    /// candidates. `selected` is left as it is; the scorer may end on the last of them.
    func scoreCandidates(
        of docs: UnsafePointer<UInt32>, _ selected: UnsafeMutablePointer<Int32>, count: Int,
        scores: UnsafeMutablePointer<Double>
    )
}

extension BlockMaxScorer {
    /// The current document alone.
    public func candidates(through end: UInt32, into out: UnsafeMutablePointer<UInt32>, capacity: Int) -> Int {
        guard doc <= end, doc != terminatedDoc, capacity > 0 else { return 0 }
        out[0] = doc
        return 1
    }

    /// One ``advance(to:)`` per document.
    public func retainMatches(
        of docs: UnsafePointer<UInt32>, _ selected: UnsafeMutablePointer<Int32>, count: Int,
        scores: UnsafeMutablePointer<Double>
    ) -> Int {
        var kept = 0
        for j in 0..<count {
            let index = selected[j]
            let target = docs[Int(index)]
            let d = advance(to: target)
            if d == terminatedDoc { break }
            if d == target {
                selected[kept] = index
                kept += 1
                scores[Int(index)] = score()
            }
        }
        return kept
    }

    /// ``retainMatches(of:_:count:scores:)``, which keeps them all.
    public func scoreCandidates(
        of docs: UnsafePointer<UInt32>, _ selected: UnsafeMutablePointer<Int32>, count: Int,
        scores: UnsafeMutablePointer<Double>
    ) {
        _ = retainMatches(of: docs, selected, count: count, scores: scores)
    }
}

extension TermScorer: BlockMaxScorer {
    public var cost: Int { Int(postings.info.docFreq) }

    /// The rest of the decoded block, through `end`.
    @inline(__always)
    public func candidates(through end: UInt32, into out: UnsafeMutablePointer<UInt32>, capacity: Int) -> Int {
        postings.copyDecoded(through: end, into: out, capacity: capacity)
    }

    /// Searched in the decoded blocks (``TermPostings/retain(of:_:count:_:)``).
    @inline(__always)
    public func retainMatches(
        of docs: UnsafePointer<UInt32>, _ selected: UnsafeMutablePointer<Int32>, count: Int,
        scores: UnsafeMutablePointer<Double>
    ) -> Int {
        postings.retain(of: docs, selected, count: count) { scores[$0] = score() }
    }

    /// Read at the candidates' offsets in the decoded block, with no search.
    @inline(__always)
    public func scoreCandidates(
        of docs: UnsafePointer<UInt32>, _ selected: UnsafeMutablePointer<Int32>, count: Int,
        scores: UnsafeMutablePointer<Double>
    ) {
        let tfs = postings.frequenciesFromCursor
        for j in 0..<count {
            let index = Int(selected[j])
            scores[index] = weight.score(tf: tfs[index], norm: lengths.norm(docs[index]))
        }
    }

    @inline(__always)
    public func shallowAdvance(to target: UInt32) -> UInt32 { postings.shallowAdvance(to: target) }

    @inline(__always)
    public func maxScore(through end: UInt32, blocks: Int) -> (score: Double, last: UInt32) {
        let window = postings.maxBound(through: end, blocks: blocks) { weight.bound($0) }
        return (window.bound, window.last)
    }
}

extension BM25FTermScorer: BlockMaxScorer {
    public var cost: Int { fields.reduce(0) { $0 + Int($1.postings.info.docFreq) } }

    @inline(__always)
    public func shallowAdvance(to target: UInt32) -> UInt32 {
        var last = terminatedDoc
        for f in fields { last = min(last, f.postings.shallowAdvance(to: target)) }
        return last
    }

    @inline(__always)
    public func blockMaxScore() -> Double {
        var bound = 0.0
        for f in fields where f.postings.blockLastDoc != terminatedDoc { bound += f.bound(f.postings.blockImpacts) }
        return saturated(bound)
    }

    @inline(__always)
    public func maxScore(through end: UInt32, blocks: Int) -> (score: Double, last: UInt32) {
        var bound = 0.0, last = terminatedDoc
        for f in fields where f.postings.blockLastDoc != terminatedDoc {
            let field = f.postings.maxBound(through: end, blocks: blocks) { f.bound($0) }
            bound += field.bound
            last = min(last, field.last)
        }
        return (saturated(bound), last)
    }
}
