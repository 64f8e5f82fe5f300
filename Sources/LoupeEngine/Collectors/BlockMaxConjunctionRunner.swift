/// Top-k of a conjunction (or a single term) with block-max skipping: before aligning the leaves
/// on a candidate, the sum of their block-max bounds is checked, and when it cannot beat the
/// threshold every document up to the end of the shallowest block is skipped.
///
/// Scores are added in the leaves' original order, so they equal exhaustive scoring to the bit.
struct BlockMaxConjunctionRunner<Leaf: BlockMaxScorer> {
    private let leaves: [Leaf]
    private let byCost: [Int]

    init(_ leaves: [Leaf]) {
        self.leaves = leaves
        byCost = leaves.indices.sorted { leaves[$0].cost < leaves[$1].cost }
    }

    func run(_ collector: inout TopKCollector, _ context: CollectionContext) throws -> Int {
        let deleted = context.deleted
        var steps = 0
        let lead = leaves[byCost[0]]
        let second: Leaf? = leaves.count == 2 ? leaves[byCost[1]] : nil
        var threshold = collector.threshold
        var offered = 0
        var doc = lead.doc
        // The block-max bound holds for docs up to `boundEnd`; it is recomputed past it, or when
        // the threshold rises.
        var boundEnd: UInt32 = 0
        var bound = Double.infinity
        var boundThreshold = threshold
        outer: while doc != terminatedDoc {
            if steps % Deadline.stride == 0 { try context.deadline.check() }
            steps &+= 1
            if threshold > -.infinity {
                if doc > boundEnd || boundThreshold != threshold {
                    bound = 0
                    boundEnd = terminatedDoc
                    for leaf in leaves {
                        boundEnd = min(boundEnd, leaf.shallowAdvance(to: doc))
                        bound += leaf.blockMaxScore()
                    }
                    boundThreshold = threshold
                }
                if bound <= threshold {
                    // Skip whole blocks on their metadata alone; decode only where a block may compete.
                    var target = boundEnd
                    while target != terminatedDoc && bound <= threshold {
                        target += 1
                        bound = 0
                        boundEnd = terminatedDoc
                        for leaf in leaves {
                            boundEnd = min(boundEnd, leaf.shallowAdvance(to: target))
                            bound += leaf.blockMaxScore()
                        }
                        if boundEnd == terminatedDoc && bound <= threshold { target = terminatedDoc }
                        else if bound <= threshold { target = boundEnd }
                    }
                    doc = target == terminatedDoc ? terminatedDoc : lead.advance(to: target)
                    continue
                }
            }
            if let second {
                // Two leaves, the common case: no array walk.
                let d = second.advance(to: doc)
                if d != doc {
                    doc = lead.advance(to: d)
                    continue outer
                }
            } else {
                for i in byCost.dropFirst() {
                    let d = leaves[i].advance(to: doc)
                    if d != doc {
                        doc = lead.advance(to: d)
                        continue outer
                    }
                }
            }
            if deleted?(doc) != true {
                var total = 0.0
                for leaf in leaves { total += leaf.score() }
                offered += 1
                if collector.offer(doc: doc, score: total) { threshold = collector.threshold }
            }
            doc = lead.next()
        }
        return offered
    }
}
