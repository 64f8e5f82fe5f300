/// Matches documents that any sub-scorer matches and sums the scores of those on the document:
/// exhaustive document-at-a-time OR (every match is visited and scored).
public final class DisjunctionScorer: Scorer {
    let scorers: [Scorer]
    public private(set) var doc: UInt32 = terminatedDoc
    public let maxScore: Double

    init(_ scorers: [Scorer]) {
        self.scorers = scorers
        maxScore = scorers.reduce(0) { $0 + $1.maxScore }
        doc = scorers.reduce(terminatedDoc) { min($0, $1.doc) }
    }

    @discardableResult
    public func next() -> UInt32 {
        let current = doc
        var lowest = terminatedDoc
        for scorer in scorers {
            var d = scorer.doc
            if d == current { d = scorer.next() }
            if d < lowest { lowest = d }
        }
        doc = lowest
        return doc
    }

    @discardableResult
    public func advance(to target: UInt32) -> UInt32 {
        if doc >= target { return doc }
        var lowest = terminatedDoc
        for scorer in scorers {
            let d = scorer.advance(to: target)
            if d < lowest { lowest = d }
        }
        doc = lowest
        return doc
    }

    public func score() -> Double {
        var total = 0.0
        for scorer in scorers where scorer.doc == doc { total += scorer.score() }
        return total
    }

    public func explain(into out: inout [ScoreExplanation]) {
        for scorer in scorers where scorer.doc == doc { scorer.explain(into: &out) }
    }
}
