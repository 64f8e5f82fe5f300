/// Matches the documents of `required`; `optional` adds its score where it matches too
/// (Lucene's SHOULD clauses next to MUST clauses).
public final class RequiredOptionalScorer: Scorer {
    let required: Scorer
    let optional: Scorer
    public var doc: UInt32 { required.doc }
    public let maxScore: Double

    init(required: Scorer, optional: Scorer) {
        self.required = required
        self.optional = optional
        maxScore = required.maxScore + optional.maxScore
    }

    @discardableResult public func next() -> UInt32 { required.next() }
    @discardableResult public func advance(to target: UInt32) -> UInt32 { required.advance(to: target) }

    public func score() -> Double {
        let d = required.doc
        return required.score() + (optional.advance(to: d) == d ? optional.score() : 0)
    }

    public func explain(into out: inout [ScoreExplanation]) {
        required.explain(into: &out)
        let d = required.doc
        if optional.advance(to: d) == d { optional.explain(into: &out) }
    }
}
