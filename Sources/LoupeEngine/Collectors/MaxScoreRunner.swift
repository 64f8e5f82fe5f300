/// Top-k of a disjunction with MaxScore (Turtle and Flood): leaves are ordered by their score
/// bound; the lowest ones whose bounds add up to no more than the threshold are "non-essential"
/// and are only probed for documents the essential ones found, highest bound first, stopping as
/// soon as the remaining bounds (block-max bounds where tighter) cannot lift the document past
/// the threshold.
///
/// Scores are added in the leaves' original order, so they equal exhaustive scoring to the bit.
struct MaxScoreRunner {
    private let leaves: [BlockMaxScorer]
    private let order: [Int]  // leaf indices by ascending bound
    private let bounds: [Double]  // by position in `order`
    private let prefix: [Double]  // prefix[i] = bounds[0...i]

    init(_ leaves: [BlockMaxScorer]) {
        self.leaves = leaves
        order = leaves.indices.sorted { leaves[$0].maxScore < leaves[$1].maxScore }
        bounds = order.map { leaves[$0].maxScore }
        var running = 0.0
        prefix = bounds.map { running += $0; return running }
    }

    func run(_ collector: inout TopKCollector, _ deleted: ((UInt32) -> Bool)?) -> Int {
        let n = leaves.count
        var threshold = collector.threshold
        var essential = 0
        var scores = [Double](repeating: 0, count: n)
        var offered = 0
        while essential < n {
            var candidate = terminatedDoc
            for i in essential..<n { candidate = min(candidate, leaves[order[i]].doc) }
            if candidate == terminatedDoc { break }
            if deleted?(candidate) != true {
                for i in 0..<n { scores[i] = 0 }
                var partial = 0.0
                for i in essential..<n where leaves[order[i]].doc == candidate {
                    let s = leaves[order[i]].score()
                    scores[order[i]] = s
                    partial += s
                }
                var competitive = true
                var i = essential - 1
                while i >= 0 {
                    if partial + prefix[i] <= threshold {
                        competitive = false
                        break
                    }
                    let leaf = leaves[order[i]]
                    if leaf.advance(to: candidate) == candidate {
                        let s = leaf.score()
                        scores[order[i]] = s
                        partial += s
                    }
                    i -= 1
                }
                if competitive {
                    var total = 0.0
                    for s in scores { total += s }
                    offered += 1
                    if collector.offer(doc: candidate, score: total) {
                        threshold = collector.threshold
                        while essential < n && prefix[essential] <= threshold { essential += 1 }
                    }
                }
            }
            for i in essential..<n where leaves[order[i]].doc == candidate { leaves[order[i]].next() }
        }
        return offered
    }
}
