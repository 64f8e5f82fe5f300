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
}
