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
    mutating func merge(_ parts: [DecodedPostings]) {
        var cursors = [Int](repeating: 0, count: parts.count)
        while true {
            var best = -1
            for p in parts.indices where cursors[p] < parts[p].docs.count {
                if best < 0 || parts[p].docs[cursors[p]] < parts[best].docs[cursors[best]] { best = p }
            }
            guard best >= 0 else { return }
            let part = parts[best], i = cursors[best]
            docs.append(part.docs[i])
            tfs.append(part.tfs[i])
            let start = i == 0 ? 0 : Int(part.positionEnds[i - 1])
            positionBytes.append(contentsOf: part.positionBytes[start..<Int(part.positionEnds[i])])
            positionEnds.append(UInt32(positionBytes.count))
            cursors[best] += 1
        }
    }
}
