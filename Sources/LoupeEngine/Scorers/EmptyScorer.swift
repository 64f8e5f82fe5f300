/// Matches nothing: what a query with no searchable words plans to.
public final class EmptyScorer: Scorer {
    public init() {}
    public var doc: UInt32 { terminatedDoc }
    public func next() -> UInt32 { terminatedDoc }
    public func advance(to target: UInt32) -> UInt32 { terminatedDoc }
    public func score() -> Double { 0 }
    public var maxScore: Double { 0 }
    public func explain(into: inout [ScoreExplanation]) {}
}
