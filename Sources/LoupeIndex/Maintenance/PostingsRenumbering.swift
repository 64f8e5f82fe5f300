import LoupeCodec

/// Rewrites one term's postings for compaction: keeps the postings of live documents with their
/// positions, gives them their new doc ids, and puts them back in doc-id order.
///
/// Positions are copied as stored (per document, varints: first absolute, then gaps), never
/// decoded. Buffers are kept from term to term.
struct PostingsRenumbering {
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

    /// Reads `chunks` (a term's postings chunks in doc order, each with its positions) and leaves
    /// the live postings, renumbered, in ``postings``.
    /// - Throws: ``IndexError/corrupt(_:)`` when a positions chunk does not match its postings.
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
                let bytes = positions.bytes(ofBlock: block)
                var p = bytes.baseAddress!
                for i in 0..<n {
                    let start = p
                    VarInt.skip(Int(tfs[i]), &p)
                    guard let new = renumbering.newId(docs[i]) else { continue }
                    order.append(UInt64(new) << 32 | UInt64(liveTfs.count))
                    liveTfs.append(tfs[i])
                    livePositions.append(contentsOf: UnsafeBufferPointer(start: start, count: p - start))
                    liveEnds.append(UInt32(livePositions.count))
                }
                guard p == bytes.baseAddress! + bytes.count else {
                    throw IndexError.corrupt("positions block \(block) does not hold its documents' positions")
                }
            }
        }
        // Mostly one or two ascending runs (documents re-indexed were appended): the standard
        // library's sort finds the runs and merges them in linear time.
        order.sort()
        postings.removeAll()
        for entry in order {
            let i = Int(entry & 0xFFFF_FFFF)
            postings.docs.append(UInt32(entry >> 32))
            postings.tfs.append(liveTfs[i])
            let start = i == 0 ? 0 : Int(liveEnds[i - 1])
            postings.positionBytes.append(contentsOf: livePositions[start..<Int(liveEnds[i])])
            postings.positionEnds.append(UInt32(postings.positionBytes.count))
        }
    }
}
