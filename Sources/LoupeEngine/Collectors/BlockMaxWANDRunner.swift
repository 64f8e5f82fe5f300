/// Top-k of a disjunction with block-max WAND (Ding and Suel): leaves sorted by current doc; the
/// pivot is the first doc at which the leaves' global bounds could exceed the threshold; the
/// block-max bounds at the pivot then either confirm it (score it) or skip every document up to
/// the end of the shallowest block.
///
/// Scores are added in the leaves' original order, so they equal exhaustive scoring to the bit.
struct BlockMaxWANDRunner {
    private let leaves: [BlockMaxScorer]

    init(_ leaves: [BlockMaxScorer]) { self.leaves = leaves }

    func run(_ collector: inout TopKCollector, _ context: CollectionContext) throws -> Int {
        let deleted = context.deleted
        var steps = 0
        let n = leaves.count
        var sorted = Array(leaves.indices)
        var threshold = collector.threshold
        var offered = 0
        var scores = [Double](repeating: 0, count: n)
        while true {
            if steps % Deadline.stride == 0 { try context.deadline.check() }
            steps &+= 1
            // Keep `sorted` ordered by current doc (insertion sort: nearly sorted already).
            for i in 1..<max(n, 1) {
                var j = i
                while j > 0 && leaves[sorted[j]].doc < leaves[sorted[j - 1]].doc {
                    sorted.swapAt(j, j - 1)
                    j -= 1
                }
            }
            var accumulated = 0.0
            var pivot = -1
            for i in 0..<n {
                if leaves[sorted[i]].doc == terminatedDoc { break }
                accumulated += leaves[sorted[i]].maxScore
                if accumulated > threshold {
                    pivot = i
                    break
                }
            }
            if pivot < 0 { break }
            let pivotDoc = leaves[sorted[pivot]].doc
            while pivot + 1 < n && leaves[sorted[pivot + 1]].doc == pivotDoc { pivot += 1 }

            var blockBound = 0.0
            var blockEnd = terminatedDoc
            for i in 0...pivot {
                blockEnd = min(blockEnd, leaves[sorted[i]].shallowAdvance(to: pivotDoc))
                blockBound += leaves[sorted[i]].blockMaxScore()
            }
            if blockBound <= threshold {
                var target = blockEnd == terminatedDoc ? terminatedDoc : blockEnd + 1
                if pivot + 1 < n { target = min(target, leaves[sorted[pivot + 1]].doc) }
                for i in 0...pivot where leaves[sorted[i]].doc < target { leaves[sorted[i]].advance(to: target) }
                continue
            }
            if leaves[sorted[0]].doc == pivotDoc {
                if deleted?(pivotDoc) != true {
                    for i in 0..<n { scores[i] = 0 }
                    for i in 0...pivot { scores[sorted[i]] = leaves[sorted[i]].score() }
                    var total = 0.0
                    for s in scores { total += s }
                    offered += 1
                    if collector.offer(doc: pivotDoc, score: total) { threshold = collector.threshold }
                }
                for i in 0...pivot { leaves[sorted[i]].next() }
            } else {
                for i in 0..<pivot where leaves[sorted[i]].doc < pivotDoc { leaves[sorted[i]].advance(to: pivotDoc) }
            }
        }
        return offered
    }
}
