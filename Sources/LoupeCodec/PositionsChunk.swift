/// Token positions for one postings chunk, stored apart from it so that queries without phrases
/// never touch them.
///
/// ```
/// u8 kind: 0 blocked, 1 short (a single block: no offsets)
/// blocked only: u32 blockCount, u32 endOffset × blockCount (where each block's bytes end)
/// blocks: for each document of the block, in doc order, its `tf` positions as varints:
///         the first absolute, the others as gaps from the previous one
/// ```
/// Blocks match the postings chunk's blocks (128 documents each), so a phrase scorer that is on
/// document `i` of postings block `b` jumps to positions block `b` and skips the varints of the
/// documents before `i` (their count is the sum of their term frequencies, which it already has).
public struct PositionsChunk {
    @usableFromInline let base: UnsafeRawPointer
    /// The chunk's size in bytes.
    public let byteCount: Int
    /// Number of blocks.
    public let blockCount: Int
    private let isShort: Bool

    /// Wraps `bytes`; nil when the header does not fit.
    public init?(_ bytes: UnsafeRawBufferPointer) {
        guard let start = bytes.baseAddress, bytes.count >= 1 else { return nil }
        base = start
        byteCount = bytes.count
        isShort = start.load(as: UInt8.self) == 1
        if isShort {
            blockCount = 1
        } else {
            guard bytes.count >= 5 else { return nil }
            blockCount = Int(start.loadLE32(1))
            guard 5 + 4 * blockCount <= bytes.count else { return nil }
        }
    }

    /// Where `block`'s bytes begin.
    @inline(__always)
    public func start(ofBlock block: Int) -> UnsafePointer<UInt8> {
        let offset = isShort ? 1 : block == 0 ? 5 + 4 * blockCount : Int(base.loadLE32(5 + 4 * (block - 1)))
        return (base + offset).assumingMemoryBound(to: UInt8.self)
    }

    /// Where `block`'s bytes end.
    @inline(__always)
    public func end(ofBlock block: Int) -> Int { isShort ? byteCount : Int(base.loadLE32(5 + 4 * block)) }

    /// The bytes of `block`: its documents' positions, one after the other.
    public func bytes(ofBlock block: Int) -> UnsafeBufferPointer<UInt8> {
        let begin = start(ofBlock: block)
        return UnsafeBufferPointer(start: begin, count: max(0, base.assumingMemoryBound(to: UInt8.self) + end(ofBlock: block) - begin))
    }

    /// Checks that `block` holds exactly the positions of documents with term frequencies `tfs`
    /// (bounds-checked), each document's strictly increasing.
    public func validate(block: Int, tfs: UnsafeBufferPointer<UInt32>) throws(ByteReader.Malformed) {
        guard block < blockCount else { throw ByteReader.Malformed(description: "no positions block \(block)") }
        let begin = start(ofBlock: block) - base.assumingMemoryBound(to: UInt8.self)
        let end = end(ofBlock: block)
        guard begin <= end, end <= byteCount else { throw ByteReader.Malformed(description: "positions block \(block) out of bounds") }
        var reader = ByteReader(UnsafeRawBufferPointer(start: base + begin, count: end - begin))
        for (i, tf) in tfs.enumerated() {
            for j in 0..<Int(tf) {
                let gap = try reader.varint()
                if j > 0 && gap == 0 { throw ByteReader.Malformed(description: "positions of document \(i) of block \(block) do not increase") }
            }
        }
        guard reader.isAtEnd else { throw ByteReader.Malformed(description: "positions block \(block) has stray bytes") }
    }

    /// Decodes the positions of one document into `out` (room for `tf` values), given the number of
    /// positions stored before it in the same block.
    @inline(__always)
    public func positions(block: Int, skipping preceding: Int, tf: Int, into out: UnsafeMutablePointer<UInt32>) {
        var p = start(ofBlock: block)
        VarInt.skip(preceding, &p)
        var position: UInt32 = 0
        for i in 0..<tf {
            position &+= VarInt.decode(&p)
            out[i] = position
        }
    }
}

/// Builds ``PositionsChunk`` bytes.
public enum PositionsChunkEncoder {
    /// Encodes the positions of `docCount` documents.
    ///
    /// - Parameters:
    ///   - bytes: every document's positions, already varint-encoded as the format says, concatenated.
    ///   - docEnds: for each document, the offset in `bytes` where its positions end.
    public static func encode(bytes: UnsafeRawBufferPointer, docEnds: UnsafeBufferPointer<UInt32>) -> [UInt8] {
        let blockCount = (docEnds.count + BitPacking.blockSize - 1) / BitPacking.blockSize
        if blockCount <= 1 { return [1] + bytes }
        let headerSize = 5 + 4 * blockCount
        var out: [UInt8] = [0]
        out.reserveCapacity(headerSize + bytes.count)
        out.appendLE(UInt32(blockCount))
        for block in 0..<blockCount {
            let lastDoc = min((block + 1) * BitPacking.blockSize, docEnds.count) - 1
            out.appendLE(UInt32(headerSize) + docEnds[lastDoc])
        }
        out.append(contentsOf: bytes)
        return out
    }
}
