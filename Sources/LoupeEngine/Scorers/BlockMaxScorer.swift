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
}

extension TermScorer: BlockMaxScorer {
    public var cost: Int { Int(postings.info.docFreq) }

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
