/// Matches documents that every sub-scorer matches and sums their scores (leapfrog
/// intersection: the scorers take turns advancing to the largest current doc).
public final class ConjunctionScorer: Scorer {
    let scorers: [Scorer]
    public private(set) var doc: UInt32 = terminatedDoc
    public let maxScore: Double

    /// `scorers` is best sorted by increasing document frequency: the rarest leads.
    init(_ scorers: [Scorer]) {
        precondition(!scorers.isEmpty)
        self.scorers = scorers
        maxScore = scorers.reduce(0) { $0 + $1.maxScore }
        doc = align(scorers[0].doc)
    }

    /// Finds the first doc ≥ `start` on which every scorer stands.
    private func align(_ start: UInt32) -> UInt32 {
        leapfrog(from: start, scorers) { $0.advance(to: $1) }
    }

    @discardableResult
    public func next() -> UInt32 {
        guard doc != terminatedDoc else { return doc }
        doc = align(scorers[0].next())
        return doc
    }

    @discardableResult
    public func advance(to target: UInt32) -> UInt32 {
        if doc >= target { return doc }
        doc = align(scorers[0].advance(to: target))
        return doc
    }

    public func score() -> Double {
        var total = 0.0
        for scorer in scorers { total += scorer.score() }
        return total
    }

    public func explain(into out: inout [ScoreExplanation]) {
        for scorer in scorers { scorer.explain(into: &out) }
    }
}
