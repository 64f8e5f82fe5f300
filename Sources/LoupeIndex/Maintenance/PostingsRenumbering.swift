import LoupeCodec

/// Rewrites one term's postings for compaction: keeps the postings of live documents with their
/// positions, gives them their new doc ids, and puts them back in doc-id order.
///
/// Each live document's positions are decoded and written back as the varints a commit hands to
/// ``PositionsChunkEncoder`` (first absolute, then gaps), so a compacted chunk is encoded exactly
/// as a commit of the same documents would encode it. Buffers are kept from term to term.
struct PostingsRenumbering: ~Copyable {
    /// The rewritten postings of the last term, in new doc-id order.
    private(set) var postings = DecodedPostings()
    /// Postings read, live or not, for the last term.
    private(set) var postingsRead = 0

    private var docs = [UInt32](repeating: 0, count: BitPacking.blockSize)
    private var tfs = [UInt32](repeating: 0, count: BitPacking.blockSize)
    /// Live postings in old order: new doc id << 32 | index, sorted to get the new order.
    private var order: [UInt64] = []
    private var liveTfs: [UInt32] = []
    private var livePositions: [UInt8] = []
    private var liveEnds: [UInt32] = []
    private var values = [UInt32](repeating: 0, count: 64)
    private var decoder = PositionsDecoder()

    /// Reads `chunks` (a term's postings chunks in doc order, each with its positions) and leaves
    /// the live postings, renumbered, in ``postings``.
    /// - Throws: ``IndexError/corrupt(_:)`` when a positions chunk does not match its postings
    ///   (each block is validated before it is decoded).
    mutating func rewrite(_ chunks: [(postings: PostingsChunk, positions: PositionsChunk)], _ renumbering: DocIdRenumbering) throws {
        order.removeAll(keepingCapacity: true)
        liveTfs.removeAll(keepingCapacity: true)
        livePositions.removeAll(keepingCapacity: true)
        liveEnds.removeAll(keepingCapacity: true)
        postingsRead = 0
        for (chunk, positions) in chunks {
            guard positions.blockCount == chunk.blockCount else {
                throw IndexError.corrupt("positions chunk of \(positions.blockCount) blocks for \(chunk.blockCount) postings blocks")
            }
            for block in 0..<chunk.blockCount {
                let n = docs.withUnsafeMutableBufferPointer { d in
                    tfs.withUnsafeMutableBufferPointer { f in chunk.decode(block: block, docs: d.baseAddress!, tfs: f.baseAddress!) }
                }
                postingsRead += n
                do {
                    try tfs.withUnsafeBufferPointer { try positions.validate(block: block, tfs: UnsafeBufferPointer(rebasing: $0[0..<n])) }
                } catch {
                    throw IndexError.corrupt("positions block \(block) does not hold its documents' positions: \(error)")
                }
                decoder.load(positions, block: block)
                var first = 0
                for i in 0..<n {
                    let tf = Int(tfs[i])
                    defer { first += tf }
                    guard let new = renumbering.newId(docs[i]) else { continue }
                    if tf > values.count { values = [UInt32](repeating: 0, count: tf) }
                    values.withUnsafeMutableBufferPointer { decoder.positions(from: first, count: tf, into: $0.baseAddress!) }
                    order.append(UInt64(new) << 32 | UInt64(liveTfs.count))
                    liveTfs.append(tfs[i])
                    var previous: UInt32 = 0
                    for position in values[0..<tf] {
                        VarInt.append(position &- previous, to: &livePositions)
                        previous = position
                    }
                    liveEnds.append(UInt32(livePositions.count))
                }
            }
        }
        // Mostly one or two ascending runs (documents re-indexed were appended): the standard
        // library's sort finds the runs and merges them in linear time.
        order.sort()
        postings.removeAll()
        livePositions.withUnsafeBytes { positions in
            for entry in order {
                let i = Int(entry & 0xFFFF_FFFF)
                let start = i == 0 ? 0 : Int(liveEnds[i - 1])
                postings.append(
                    doc: UInt32(entry >> 32), tf: liveTfs[i], positions: UnsafeRawBufferPointer(rebasing: positions[start..<Int(liveEnds[i])]))
            }
        }
    }
}
