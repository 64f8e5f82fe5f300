/// Top-k of a conjunction (or a single term) with block-max skipping: before aligning the dense
/// leaves on a candidate, the sum of every leaf's block-max bound is checked, and when it cannot
/// beat the threshold every document up to the end of the shallowest block is skipped.
///
/// The lead (the rarest leaf) proposes candidates. Followers at most ``rareFactor`` times as
/// frequent as the lead are aligned first, before the bound: the bound costs a shallow advance of
/// every leaf, and a dense leaf's short blocks would make it stale at nearly every candidate, so it
/// is only worth computing for candidates the rare leaves agree on, where it saves decoding the
/// dense leaves' blocks. The densest follower always comes after the bound, so that a conjunction
/// of two terms still skips the blocks of both.
///
/// Scores are added in the leaves' original order, so they equal exhaustive scoring to the bit.
///
/// The loop reaches the leaves through unretained references (the runner's array keeps them
/// alive), so walking them per candidate costs no reference counting.
struct BlockMaxConjunctionRunner<Leaf: BlockMaxScorer> {
    /// A follower whose cost is at most this multiple of the lead's is aligned before the
    /// block-max bound is checked; the others after it.
    static var rareFactor: Int { 4 }

    private let leaves: [Leaf]
    private let byCost: [Int]

    init(_ leaves: [Leaf]) {
        self.leaves = leaves
        byCost = leaves.indices.sorted { leaves[$0].cost < leaves[$1].cost }
    }

    func run(_ collector: inout TopKCollector, _ context: CollectionContext) throws -> Int {
        try withExtendedLifetime(leaves) {
            let all = leaves.map { Unmanaged.passUnretained($0) }
            let lead = byCost[0]
            let limit = leaves[lead].cost.multipliedReportingOverflow(by: Self.rareFactor)
            // The densest follower always comes after the bound, which can then skip its blocks.
            let followers = byCost.dropFirst()
            let rareCount = followers.dropLast().prefix { limit.overflow || leaves[$0].cost <= limit.partialValue }.count
            let rare = followers.prefix(rareCount).map { all[$0] }
            let dense = followers.dropFirst(rareCount).map { all[$0] }
            // Buffers, not arrays, in the loop: iterating an array retains its storage each time.
            return try all.withUnsafeBufferPointer { all in
                try rare.withUnsafeBufferPointer { rare in
                    try dense.withUnsafeBufferPointer { dense in
                        try run(all: all, lead: all[lead], rare: rare, dense: dense, &collector, context)
                    }
                }
            }
        }
    }

    /// `all` in the original order; `rare` and `dense` are the followers by increasing cost.
    private func run(
        all: UnsafeBufferPointer<Unmanaged<Leaf>>, lead: Unmanaged<Leaf>, rare: UnsafeBufferPointer<Unmanaged<Leaf>>,
        dense: UnsafeBufferPointer<Unmanaged<Leaf>>, _ collector: inout TopKCollector, _ context: CollectionContext
    ) throws -> Int {
        let deleted = context.deleted
        var steps = 0
        var threshold = collector.threshold
        var offered = 0
        var doc = lead._withUnsafeGuaranteedRef { $0.doc }
        // The block-max bound holds for docs up to `boundEnd`; it is recomputed past it, or when
        // the threshold rises.
        var boundEnd: UInt32 = 0
        var bound = Double.infinity
        var boundThreshold = threshold
        outer: while doc != terminatedDoc {
            if steps % Deadline.stride == 0 { try context.deadline.check() }
            steps &+= 1
            for follower in rare {
                let d = follower._withUnsafeGuaranteedRef { $0.advance(to: doc) }
                if d != doc {
                    doc = lead._withUnsafeGuaranteedRef { $0.advance(to: d) }
                    continue outer
                }
            }
            if threshold > -.infinity {
                if doc > boundEnd || boundThreshold != threshold {
                    (bound, boundEnd) = Self.windowBound(from: doc, lead: lead, all: all)
                    boundThreshold = threshold
                }
                if bound <= threshold {
                    // Skip whole blocks on their metadata alone; decode only where a block may compete.
                    var target = boundEnd
                    while target != terminatedDoc && bound <= threshold {
                        target += 1
                        (bound, boundEnd) = Self.windowBound(from: target, lead: lead, all: all)
                        if boundEnd == terminatedDoc && bound <= threshold { target = terminatedDoc }
                        else if bound <= threshold { target = boundEnd }
                    }
                    doc = target == terminatedDoc ? terminatedDoc : lead._withUnsafeGuaranteedRef { $0.advance(to: target) }
                    continue
                }
            }
            for follower in dense {
                let d = follower._withUnsafeGuaranteedRef { $0.advance(to: doc) }
                if d != doc {
                    doc = lead._withUnsafeGuaranteedRef { $0.advance(to: d) }
                    continue outer
                }
            }
            if deleted?(doc) != true {
                var total = 0.0
                for leaf in all { total += leaf._withUnsafeGuaranteedRef { $0.score() } }
                offered += 1
                if collector.offer(doc: doc, score: total) { threshold = collector.threshold }
            }
            doc = lead._withUnsafeGuaranteedRef { $0.next() }
        }
        return offered
    }

    /// Blocks of a follower one bound may span: the window is the lead's block, cut short where a
    /// follower's blocks are many times denser, so that a rare lead does not scan a dense follower's
    /// blocks it would never reach.
    static var windowBlocks: Int { 8 }

    /// An upper bound of the conjunction's scores for docs from `target` to the returned end: the
    /// window is the lead's block (as in Lucene's block-max conjunction), shortened to at most
    /// ``windowBlocks`` blocks of any leaf, and each leaf bounds its scores over the window by the
    /// largest of its blocks' bounds there. Followers' blocks are usually shorter than the lead's,
    /// so one bound serves many of the lead's candidates instead of one.
    @inline(__always)
    private static func windowBound(
        from target: UInt32, lead: Unmanaged<Leaf>, all: UnsafeBufferPointer<Unmanaged<Leaf>>
    ) -> (bound: Double, end: UInt32) {
        var end = lead._withUnsafeGuaranteedRef { $0.shallowAdvance(to: target) }
        var bound = 0.0
        for leaf in all {
            leaf._withUnsafeGuaranteedRef {
                $0.shallowAdvance(to: target)
                let window = $0.maxScore(through: end, blocks: windowBlocks)
                bound += window.score
                end = min(end, window.last)
            }
        }
        return (bound, end)
    }
}
