/// Token positions for one postings chunk, stored apart from it so that queries without phrases
/// never touch them.
///
/// ```
/// u8 kind: 0 blocked, 1 short (a single block: no offsets),
///          2 short with fewer than 128 positions (a single block of varints only)
/// blocked only: u32 blockCount, u32 endOffset × blockCount (where each block's bytes end)
/// block: varint groupCount (absent in kind 2: zero), u8 bit width × groupCount,
///        the groups (16 · width bytes each, ``BitPacking``), then the remaining values as varints
/// ```
/// A block's values are the positions of its documents (the postings block's 128 documents),
/// in doc order, each document's `tf` positions as the first absolute and the others as gaps
/// from the previous one. The first `128 · groupCount` values are bit-packed in groups of 128
/// (`groupCount` is the number of values divided by 128, rounded down); the rest follow as
/// varints. A phrase candidate on document `i` of postings block `b` knows how many values come
/// before its own (the sum of the preceding documents' term frequencies), so it finds its group
/// from the widths alone and unpacks it with SIMD4 lanes; only within the short varint remainder
/// does it skip values. A list of fewer than 128 positions is plain varints, as small as before.
public struct PositionsChunk {
    /// Chunk kinds (the first byte).
    @usableFromInline enum Kind: UInt8 {
        case blocked = 0, short = 1, shortUngrouped = 2
    }

    @usableFromInline let base: UnsafeRawPointer
    /// The chunk's size in bytes.
    public let byteCount: Int
    /// Number of blocks.
    public let blockCount: Int
    @usableFromInline let kind: Kind

    /// Wraps `bytes`; nil when the header does not fit or the kind is unknown.
    public init?(_ bytes: UnsafeRawBufferPointer) {
        guard let start = bytes.baseAddress, bytes.count >= 1, let kind = Kind(rawValue: start.load(as: UInt8.self)) else { return nil }
        base = start
        byteCount = bytes.count
        self.kind = kind
        if kind == .blocked {
            guard bytes.count >= 5 else { return nil }
            blockCount = Int(start.loadLE32(1))
            guard blockCount <= (bytes.count - 5) / 4 else { return nil }
        } else {
            blockCount = 1
        }
    }

    /// Where `block`'s bytes begin, as an offset in the chunk.
    @inline(__always)
    func startOffset(ofBlock block: Int) -> Int {
        kind != .blocked ? 1 : block == 0 ? 5 + 4 * blockCount : Int(base.loadLE32(5 + 4 * (block - 1)))
    }

    /// Where `block`'s bytes end, as an offset in the chunk.
    @inline(__always)
    func endOffset(ofBlock block: Int) -> Int { kind != .blocked ? byteCount : Int(base.loadLE32(5 + 4 * block)) }

    /// The layout of `block`: its groups' widths and where they and the varint remainder begin.
    /// The caller guarantees the chunk is well formed (``validate(block:tfs:)`` is the checked way).
    @inline(__always)
    public func layout(ofBlock block: Int) -> PositionsBlockLayout {
        var p = (base + startOffset(ofBlock: block)).assumingMemoryBound(to: UInt8.self)
        let groupCount = kind == .shortUngrouped ? 0 : Int(VarInt.decode(&p))
        let widths = p
        let groups = widths + groupCount
        var size = 0
        for g in 0..<groupCount { size += BitPacking.packedSize(bits: Int(widths[g])) }
        return PositionsBlockLayout(groupCount: groupCount, widths: widths, groups: groups, remainder: groups + size)
    }

    /// Checks that `block` holds exactly the positions of documents with term frequencies `tfs`
    /// (bounds-checked), each document's strictly increasing.
    public func validate(block: Int, tfs: UnsafeBufferPointer<UInt32>) throws(ByteReader.Malformed) {
        guard block < blockCount else { throw ByteReader.Malformed(description: "no positions block \(block)") }
        let begin = startOffset(ofBlock: block)
        let end = endOffset(ofBlock: block)
        guard begin <= end, end <= byteCount else { throw ByteReader.Malformed(description: "positions block \(block) out of bounds") }
        var reader = ByteReader(UnsafeRawBufferPointer(start: base + begin, count: end - begin))
        let valueCount = tfs.reduce(0) { $0 + Int($1) }
        let groupCount = kind == .shortUngrouped ? 0 : Int(try reader.varint())
        guard groupCount == valueCount / BitPacking.blockSize, kind != .shortUngrouped || valueCount < BitPacking.blockSize else {
            throw ByteReader.Malformed(description: "positions block \(block) has \(groupCount) packed groups for \(valueCount) positions")
        }
        var values = [UInt32](repeating: 0, count: valueCount)
        var widths: [Int] = []
        for _ in 0..<groupCount {
            let bits = Int(try reader.u8())
            guard bits <= 32 else { throw ByteReader.Malformed(description: "positions block \(block) has a group of \(bits) bits") }
            widths.append(bits)
        }
        for (g, bits) in widths.enumerated() {
            let at = reader.offset
            try reader.skip(BitPacking.packedSize(bits: bits))
            values.withUnsafeMutableBufferPointer {
                BitPacking.unpack(base + begin + at, bits: bits, into: $0.baseAddress! + g * BitPacking.blockSize)
            }
        }
        for i in (groupCount * BitPacking.blockSize)..<valueCount {
            let value = try reader.varint()
            guard value <= UInt64(UInt32.max) else { throw ByteReader.Malformed(description: "positions block \(block) has a gap over 32 bits") }
            values[i] = UInt32(value)
        }
        guard reader.isAtEnd else { throw ByteReader.Malformed(description: "positions block \(block) has stray bytes") }
        var v = 0
        for (i, tf) in tfs.enumerated() {
            var position: UInt64 = 0
            for j in 0..<Int(tf) {
                if j > 0 && values[v] == 0 { throw ByteReader.Malformed(description: "positions of document \(i) of block \(block) do not increase") }
                position += UInt64(values[v])
                v += 1
            }
            guard position <= UInt64(UInt32.max) else { throw ByteReader.Malformed(description: "positions of document \(i) of block \(block) pass 2³² - 1") }
        }
    }
}

/// Where the parts of one positions block lie (see ``PositionsChunk``).
public struct PositionsBlockLayout {
    /// Number of bit-packed groups of 128 values.
    public let groupCount: Int
    /// One bit width per group.
    public let widths: UnsafePointer<UInt8>
    /// The first group's bytes; the others follow, each ``BitPacking/packedSize(bits:)`` long.
    public let groups: UnsafePointer<UInt8>
    /// The varints of the values after the groups.
    public let remainder: UnsafePointer<UInt8>
}
