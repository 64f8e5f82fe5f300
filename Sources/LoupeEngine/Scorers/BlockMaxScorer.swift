/// A scorer that can bound its scores block by block without decoding, which is what
/// block-max pruning (MaxScore, block-max WAND, block-max conjunction) needs.
public protocol BlockMaxScorer: Scorer {
    /// Points the block metadata at the first block that may hold a doc ≥ `target`, without
    /// moving ``doc``; returns the last doc id that bound covers (``terminatedDoc`` past the end).
    @discardableResult func shallowAdvance(to target: UInt32) -> UInt32
    /// An upper bound of the scores of documents up to the doc ``shallowAdvance(to:)`` returned.
    func blockMaxScore() -> Double
    /// Postings to iterate: the lowest-cost leaf leads a conjunction.
    var cost: Int { get }
}

extension TermScorer: BlockMaxScorer {
    public var cost: Int { Int(postings.info.docFreq) }

    @inline(__always)
    public func shallowAdvance(to target: UInt32) -> UInt32 { postings.shallowAdvance(to: target) }
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
}
