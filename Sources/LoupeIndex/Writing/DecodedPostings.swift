/// One term's pending postings in the form the chunk encoders take: doc ids, term frequencies,
/// positions (per document: first absolute, then gaps, as varints) and where each document's
/// positions end.
struct DecodedPostings {
    var docs: [UInt32] = []
    var tfs: [UInt32] = []
    var positionBytes: [UInt8] = []
    var positionEnds: [UInt32] = []

    mutating func removeAll() {
        docs.removeAll(keepingCapacity: true)
        tfs.removeAll(keepingCapacity: true)
        positionBytes.removeAll(keepingCapacity: true)
        positionEnds.removeAll(keepingCapacity: true)
    }

    /// Appends the union of `parts` (disjoint doc sets, each in doc order) in doc order.
    ///
    /// The workers invert contiguous slices of each group of documents, so a part's postings
    /// come in long runs below the other parts' next doc: each run is copied whole.
    mutating func merge(_ parts: [DecodedPostings]) {
        var cursors = [Int](repeating: 0, count: parts.count)
        while true {
            var best = -1
            var bestDoc = UInt32.max, othersDoc = UInt32.max
            for p in parts.indices where cursors[p] < parts[p].docs.count {
                let doc = parts[p].docs[cursors[p]]
                if best < 0 || doc < bestDoc {
                    if best >= 0 { othersDoc = bestDoc }
                    best = p
                    bestDoc = doc
                } else {
                    othersDoc = min(othersDoc, doc)
                }
            }
            guard best >= 0 else { return }
            let part = parts[best]
            let start = cursors[best]
            var end = start + 1
            while end < part.docs.count && part.docs[end] < othersDoc { end += 1 }
            docs.append(contentsOf: part.docs[start..<end])
            tfs.append(contentsOf: part.tfs[start..<end])
            let bytesStart = start == 0 ? 0 : Int(part.positionEnds[start - 1])
            let shift = positionBytes.count - bytesStart
            positionBytes.append(contentsOf: part.positionBytes[bytesStart..<Int(part.positionEnds[end - 1])])
            for i in start..<end { positionEnds.append(UInt32(Int(part.positionEnds[i]) + shift)) }
            cursors[best] = end
        }
    }
}
