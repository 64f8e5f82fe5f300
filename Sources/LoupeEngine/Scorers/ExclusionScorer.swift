/// Matches the documents of `positive` that `negative` does not match; scores come from `positive`.
public final class ExclusionScorer: Scorer {
    let positive: Scorer
    let negative: Scorer
    public private(set) var doc: UInt32 = terminatedDoc
    public var maxScore: Double { positive.maxScore }

    init(positive: Scorer, negative: Scorer) {
        self.positive = positive
        self.negative = negative
        doc = skipExcluded(positive.doc)
    }

    private func skipExcluded(_ start: UInt32) -> UInt32 {
        var d = start
        while d != terminatedDoc && negative.advance(to: d) == d { d = positive.next() }
        return d
    }

    @discardableResult public func next() -> UInt32 {
        doc = skipExcluded(positive.next())
        return doc
    }

    @discardableResult public func advance(to target: UInt32) -> UInt32 {
        if doc >= target { return doc }
        doc = skipExcluded(positive.advance(to: target))
        return doc
    }

    public func score() -> Double { positive.score() }
    public func explain(into out: inout [ScoreExplanation]) { positive.explain(into: &out) }
}
