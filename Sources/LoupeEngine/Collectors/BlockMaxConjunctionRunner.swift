/// Top-k of a conjunction (or a single term) with block-max skipping, a block at a time: the lead
/// (the rarest leaf) lists a window of candidates from its decoded block, each follower keeps
/// those it holds in one pass over its own decoded blocks (``BlockMaxScorer/retainMatches(of:_:count:scores:)``),
/// and only the survivors are scored. The sum of every leaf's block-max bound is checked per
/// window, and when it cannot beat the threshold every document up to the window's end is skipped.
///
/// Followers at most ``rareFactor`` times as frequent as the lead filter the window first, before
/// the bound: a bound costs a shallow advance of every leaf, so it is only worth computing for
/// candidates the rare leaves agree on, where it saves decoding the dense leaves' blocks; it then
/// takes a rare follower's exact score for its bound. The densest follower always comes after the
/// bound, so that a conjunction of two terms still skips the blocks of both.
///
/// Scores are written per leaf and candidate, and added in the leaves' original order, so they
/// equal exhaustive scoring to the bit.
///
/// The loop reaches the leaves through unretained references (the runner's array keeps them
/// alive), so walking them costs no reference counting.
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

    /// Candidates taken from the lead at most at once: a decoded block.
    static var window: Int { 128 }
    /// Candidates taken from the lead at once after the threshold rose.
    static var firstSpan: Int { 8 }

    func run(_ collector: inout TopKCollector, _ context: CollectionContext) throws -> Int {
        try withExtendedLifetime(leaves) {
            let all = leaves.map { Unmanaged.passUnretained($0) }
            let lead = byCost[0]
            let limit = leaves[lead].cost.multipliedReportingOverflow(by: Self.rareFactor)
            // The densest follower always comes after the bound, which can then skip its blocks.
            let followers = byCost.dropFirst()
            let rareCount = followers.dropLast().prefix { limit.overflow || leaves[$0].cost <= limit.partialValue }.count
            let rare = Array(followers.prefix(rareCount))
            let dense = Array(followers.dropFirst(rareCount))
            // Buffers, not arrays, in the loop: iterating an array retains its storage each time.
            return try all.withUnsafeBufferPointer { all in
                try rare.withUnsafeBufferPointer { rare in
                    try dense.withUnsafeBufferPointer { dense in
                        let state = Buffers(leaves: all.count, rare: rare)
                        defer { state.deallocate() }
                        return try run(all: all, lead: lead, rare: rare, dense: dense, state, &collector, context)
                    }
                }
            }
        }
    }

    /// The loop's scratch memory: one window of candidates, the indices still matching, every
    /// leaf's score per candidate (a row of ``window`` per leaf, in the leaves' order) and its bound.
    private struct Buffers {
        let candidates: UnsafeMutablePointer<UInt32>
        let selected: UnsafeMutablePointer<Int32>
        let scores: UnsafeMutablePointer<Double>
        let bounds: UnsafeMutablePointer<Double>
        /// Whether a leaf is a rare follower: its exact score stands for its bound.
        let isRare: UnsafeMutablePointer<Bool>

        init(leaves: Int, rare: UnsafeBufferPointer<Int>) {
            candidates = .allocate(capacity: BlockMaxConjunctionRunner.window)
            selected = .allocate(capacity: BlockMaxConjunctionRunner.window)
            scores = .allocate(capacity: BlockMaxConjunctionRunner.window * leaves)
            bounds = .allocate(capacity: leaves)
            bounds.initialize(repeating: 0, count: leaves)
            isRare = .allocate(capacity: leaves)
            isRare.initialize(repeating: false, count: leaves)
            for leaf in rare { isRare[leaf] = true }
        }

        func deallocate() {
            candidates.deallocate()
            selected.deallocate()
            scores.deallocate()
            bounds.deallocate()
            isRare.deallocate()
        }
    }

    /// Block at a time: the lead lists a window of candidates from its decoded block; the rare
    /// followers keep those they hold, each searching its own decoded blocks in one pass; the
    /// block-max bound drops those that cannot compete; the dense followers keep those they hold;
    /// the survivors are scored. `all` is in the original order, `rare` and `dense` hold the
    /// followers' indices in it by increasing cost.
    private func run(
        all: UnsafeBufferPointer<Unmanaged<Leaf>>, lead: Int, rare: UnsafeBufferPointer<Int>,
        dense: UnsafeBufferPointer<Int>, _ buffers: Buffers, _ collector: inout TopKCollector,
        _ context: CollectionContext
    ) throws -> Int {
        let deleted = context.deleted
        let width = Self.window
        let count = all.count
        let leader = all[lead]
        let candidates = buffers.candidates, selected = buffers.selected, scores = buffers.scores
        let bounds = buffers.bounds, isRare = buffers.isRare
        var steps = 0
        var threshold = collector.threshold
        var offered = 0
        var doc = leader._withUnsafeGuaranteedRef { $0.doc }
        // `bounds` hold for docs up to `boundEnd` and are recomputed past it: a rising threshold is
        // compared with them as they are (rescanning the same blocks for a slightly tighter bound
        // costs more than it skips). `boundThreshold` is the threshold when the window began.
        var boundEnd: UInt32 = 0
        var boundThreshold = threshold
        /// The bound of candidate `index`: the leaves' bounds in their order, a rare follower's
        /// exact score (already in `scores`) standing for its own.
        @inline(__always) func bound(of index: Int) -> Double {
            var total = 0.0
            for leaf in 0..<count { total += isRare[leaf] ? scores[leaf &* width &+ index] : bounds[leaf] }
            return total
        }
        @inline(__always) func refresh(from target: UInt32) {
            boundEnd = Self.windowBound(from: target, lead: lead, all: all, skipping: isRare, into: bounds)
            boundThreshold = threshold
        }
        // Candidates per window: a rising threshold may let the bound skip the rest of the lead's
        // block, so windows start short and grow while the threshold holds.
        var span = Self.firstSpan
        while doc != terminatedDoc {
            var end = terminatedDoc
            if rare.isEmpty && threshold > -.infinity {
                if doc > boundEnd { refresh(from: doc) }
                if bound(of: 0) <= threshold {
                    // Skip whole windows on their metadata alone; decode only where one may compete.
                    var target = boundEnd
                    while target != terminatedDoc {
                        target += 1
                        refresh(from: target)
                        if bound(of: 0) > threshold { break }
                        target = boundEnd
                    }
                    doc = target == terminatedDoc ? terminatedDoc : leader._withUnsafeGuaranteedRef { $0.advance(to: target) }
                    continue
                }
                end = boundEnd
            }
            let n = leader._withUnsafeGuaranteedRef { $0.candidates(through: end, into: candidates, capacity: span) }
            assert(n > 0, "the lead lists its current document")
            steps &+= n
            if steps >= Deadline.stride {
                steps = 0
                try context.deadline.check()
            }
            for j in 0..<n { selected[j] = Int32(truncatingIfNeeded: j) }
            var matching = n
            for follower in rare where matching > 0 {
                matching = all[follower]._withUnsafeGuaranteedRef {
                    $0.retainMatches(of: candidates, selected, count: matching, scores: scores + follower &* width)
                }
            }
            if !rare.isEmpty && threshold > -.infinity {
                var kept = 0
                for j in 0..<matching {
                    let index = Int(selected[j])
                    let candidate = candidates[index]
                    if candidate > boundEnd { refresh(from: candidate) }
                    if bound(of: index) > threshold {
                        selected[kept] = selected[j]
                        kept += 1
                    }
                }
                matching = kept
            }
            for follower in dense where matching > 0 {
                matching = all[follower]._withUnsafeGuaranteedRef {
                    $0.retainMatches(of: candidates, selected, count: matching, scores: scores + follower &* width)
                }
            }
            if matching > 0 {
                leader._withUnsafeGuaranteedRef {
                    $0.scoreCandidates(of: candidates, selected, count: matching, scores: scores + lead &* width)
                }
            }
            for j in 0..<matching {
                let index = Int(selected[j])
                let candidate = candidates[index]
                if deleted?(candidate) == true { continue }
                var total = 0.0
                for leaf in 0..<count { total += scores[leaf &* width &+ index] }
                offered += 1
                if collector.offer(doc: candidate, score: total) { threshold = collector.threshold }
            }
            span = boundThreshold == threshold || threshold == -.infinity ? min(span &* 2, width) : Self.firstSpan
            boundThreshold = threshold
            // A follower holds nothing between the last candidate it was asked about and its
            // current doc, so the lead goes on from the furthest of them: where a follower is
            // locally sparse, the others and the lead skip its gaps, as in a leapfrog.
            var next = candidates[n - 1] &+ 1
            for follower in rare { next = max(next, all[follower]._withUnsafeGuaranteedRef { $0.doc }) }
            for follower in dense { next = max(next, all[follower]._withUnsafeGuaranteedRef { $0.doc }) }
            doc = next == terminatedDoc || next == 0 ? terminatedDoc : leader._withUnsafeGuaranteedRef { $0.advance(to: next) }
        }
        return offered
    }

    /// Blocks of a follower one bound may span: the window is the lead's block, cut short where a
    /// follower's blocks are many times denser, so that a rare lead does not scan a dense follower's
    /// blocks it would never reach.
    static var windowBlocks: Int { 8 }

    /// Upper bounds of each leaf's scores for docs from `target` to the returned end, written to
    /// `bounds` (the leaves marked in `skipping` are left alone): the window is the lead's block
    /// (as in Lucene's block-max conjunction), shortened to at most ``windowBlocks`` blocks of any
    /// bounded leaf, and each leaf bounds its scores over the window by the largest of its blocks'
    /// bounds there. Followers' blocks are usually shorter than the lead's, so one bound serves
    /// many of the lead's candidates instead of one.
    @inline(__always)
    private static func windowBound(
        from target: UInt32, lead: Int, all: UnsafeBufferPointer<Unmanaged<Leaf>>,
        skipping: UnsafeMutablePointer<Bool>, into bounds: UnsafeMutablePointer<Double>
    ) -> UInt32 {
        var end = all[lead]._withUnsafeGuaranteedRef { $0.shallowAdvance(to: target) }
        for leaf in 0..<all.count where !skipping[leaf] {
            all[leaf]._withUnsafeGuaranteedRef {
                $0.shallowAdvance(to: target)
                let window = $0.maxScore(through: end, blocks: windowBlocks)
                bounds[leaf] = window.score
                end = min(end, window.last)
            }
        }
        return end
    }
}
