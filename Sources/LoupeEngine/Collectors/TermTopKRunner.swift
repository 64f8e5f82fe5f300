/// Top-k of a single term, block at a time: a block whose impacts cannot beat the threshold is
/// skipped on its metadata alone; the others are scored in a tight loop over the decoded arrays.
struct TermTopKRunner {
    let term: TermScorer

    func run(_ collector: inout TopKCollector, _ context: CollectionContext) throws -> Int {
        let deleted = context.deleted
        let postings = term.postings
        let weight = term.weight
        let lengths = term.lengths
        guard postings.doc != terminatedDoc else { return 0 }
        var threshold = collector.threshold
        var offered = 0
        repeat {
            try context.deadline.check()
            let (docs, tfs, range) = postings.remainingBlock
            if threshold == -.infinity || weight.bound(postings.decodedImpacts) > threshold {
                for i in range {
                    let score = weight.score(tf: tfs[i], norm: lengths.norm(docs[i]))
                    if score > threshold && deleted?(docs[i]) != true {
                        offered += 1
                        if collector.offer(doc: docs[i], score: score) { threshold = collector.threshold }
                    }
                }
            }
        } while postings.loadNextBlock(skippingWhile: { threshold > -.infinity && weight.bound($0) <= threshold })
        return offered
    }
}
