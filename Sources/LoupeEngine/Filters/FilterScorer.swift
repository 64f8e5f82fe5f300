/// The documents a filter passes, in doc-id order, each with score 0: what a query made only of
/// filters matches.
final class FilterScorer: Scorer {
    let filter: DocFilter
    private(set) var doc: UInt32 = terminatedDoc

    init(_ filter: DocFilter) {
        self.filter = filter
        doc = seek(0)
    }

    private func seek(_ target: UInt32) -> UInt32 {
        var d = target
        while true {
            d = filter.nextCandidate(atOrAfter: d)
            if d >= filter.docLimit { return terminatedDoc }
            if filter.matches(d) { return d }
            d += 1
        }
    }

    @discardableResult func next() -> UInt32 {
        guard doc != terminatedDoc else { return doc }
        doc = seek(doc + 1)
        return doc
    }

    @discardableResult func advance(to target: UInt32) -> UInt32 {
        if doc >= target { return doc }
        doc = seek(target)
        return doc
    }

    func score() -> Double { 0 }
    var maxScore: Double { 0 }
    func explain(into out: inout [ScoreExplanation]) { out.append(filter.explanation) }
}

/// The documents of `positive` that `filter` passes, with `positive`'s scores: words restricted
/// by filters. Retrieval unwraps it (``TopDocs``) and tests the filter beside the tombstones, so
/// the words keep their pruning.
final class FilteredScorer: Scorer {
    let positive: Scorer
    let filter: DocFilter
    private(set) var doc: UInt32 = terminatedDoc
    var maxScore: Double { positive.maxScore }

    init(positive: Scorer, filter: DocFilter) {
        self.positive = positive
        self.filter = filter
        doc = skipRejected(positive.doc)
    }

    private func skipRejected(_ start: UInt32) -> UInt32 {
        var d = start
        while d != terminatedDoc && !filter.matches(d) { d = positive.next() }
        return d
    }

    @discardableResult func next() -> UInt32 {
        doc = skipRejected(positive.next())
        return doc
    }

    @discardableResult func advance(to target: UInt32) -> UInt32 {
        if doc >= target { return doc }
        doc = skipRejected(positive.advance(to: target))
        return doc
    }

    func score() -> Double { positive.score() }

    func explain(into out: inout [ScoreExplanation]) {
        positive.explain(into: &out)
        out.append(filter.explanation)
    }
}
