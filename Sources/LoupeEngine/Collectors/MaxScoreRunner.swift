/// Top-k of a disjunction with block-max MaxScore (Turtle and Flood's MaxScore, refined per
/// window with block-max bounds as Lucene does).
///
/// The doc-id space is walked in windows that end where the first of the leaves' current blocks
/// ends, so every leaf has one block-max bound for the whole window. Within a window the leaves
/// are ordered by that bound; the lowest ones whose bounds add up to no more than the threshold
/// are "non-essential": they are only probed for documents that the essential ones found, highest
/// bound first, stopping as soon as the remaining bounds cannot lift the document past the
/// threshold. A window where even all bounds together cannot beat the threshold is skipped
/// without decoding anything.
///
/// Scores are added in the leaves' original order, so they equal exhaustive scoring to the bit.
struct MaxScoreRunner<Leaf: BlockMaxScorer> {
    private let leaves: [Leaf]

    init(_ leaves: [Leaf]) { self.leaves = leaves }

    func run(_ collector: inout TopKCollector, _ context: CollectionContext) throws -> Int {
        let deleted = context.deleted
        let n = leaves.count
        var threshold = collector.threshold
        var offered = 0
        var scores = [Double](repeating: 0, count: n)
        var order = Array(0..<n)
        var bounds = [Double](repeating: 0, count: n)  // window bound per leaf (original index)
        var prefix = [Double](repeating: 0, count: n)  // by position in `order`
        var windowStart: UInt32 = leaves.reduce(terminatedDoc) { min($0, $1.doc) }

        while windowStart != terminatedDoc {
            try context.deadline.check()
            // The window: up to the end of the shallowest current block.
            var windowEnd = terminatedDoc
            for i in 0..<n {
                windowEnd = min(windowEnd, leaves[i].shallowAdvance(to: windowStart))
                bounds[i] = leaves[i].blockMaxScore()
            }
            var essential = partition(&order, &prefix, bounds, threshold)
            if essential == n {
                windowStart = windowEnd == terminatedDoc ? terminatedDoc : windowEnd + 1
                continue
            }
            while true {
                // The next candidate in the window, from the essential leaves.
                var candidate = terminatedDoc
                for p in essential..<n {
                    let d = leaves[order[p]].advance(to: windowStart)
                    candidate = min(candidate, d)
                }
                if candidate > windowEnd || candidate == terminatedDoc { break }
                if deleted?(candidate) != true {
                    for i in 0..<n { scores[i] = 0 }
                    var partial = 0.0
                    for p in essential..<n where leaves[order[p]].doc == candidate {
                        let s = leaves[order[p]].score()
                        scores[order[p]] = s
                        partial += s
                    }
                    var competitive = true
                    var p = essential - 1
                    while p >= 0 {
                        if partial + prefix[p] <= threshold {
                            competitive = false
                            break
                        }
                        let leaf = leaves[order[p]]
                        if leaf.advance(to: candidate) == candidate {
                            let s = leaf.score()
                            scores[order[p]] = s
                            partial += s
                        }
                        p -= 1
                    }
                    if competitive {
                        var total = 0.0
                        for s in scores { total += s }
                        offered += 1
                        if collector.offer(doc: candidate, score: total) {
                            threshold = collector.threshold
                            essential = partition(&order, &prefix, bounds, threshold)
                            if essential == n { break }
                        }
                    }
                }
                windowStart = candidate + 1
            }
            windowStart = windowEnd == terminatedDoc ? terminatedDoc : max(windowStart, windowEnd + 1)
        }
        return offered
    }

    /// Orders leaves by bound, fills the prefix sums, and returns the first essential position:
    /// leaves before it cannot, even all together, beat `threshold`.
    @inline(__always)
    private func partition(_ order: inout [Int], _ prefix: inout [Double], _ bounds: [Double], _ threshold: Double) -> Int {
        order.sort { bounds[$0] < bounds[$1] }
        var running = 0.0
        var essential = 0
        for p in 0..<order.count {
            running += bounds[order[p]]
            prefix[p] = running
            if running <= threshold { essential = p + 1 }
        }
        return essential
    }
}
