/// Builds ``PositionsChunk`` bytes.
public enum PositionsChunkEncoder {
    /// Encodes the positions of `docEnds.count` documents.
    ///
    /// - Parameters:
    ///   - bytes: every document's positions as varints (the first absolute, then gaps),
    ///     concatenated in doc order.
    ///   - docEnds: for each document, the offset in `bytes` where its positions end.
    public static func encode(bytes: UnsafeRawBufferPointer, docEnds: UnsafeBufferPointer<UInt32>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16 + 4 * ((docEnds.count + BitPacking.blockSize - 1) / BitPacking.blockSize))
        append(bytes: bytes, docEnds: docEnds, to: &out)
        return out
    }

    /// Appends the chunk ``encode(bytes:docEnds:)`` returns to `out`, for a caller gathering many
    /// chunks in one buffer (its offsets are the chunk's own, whatever `out` held before). It
    /// reserves nothing, so that `out` grows geometrically.
    public static func append(bytes: UnsafeRawBufferPointer, docEnds: UnsafeBufferPointer<UInt32>, to out: inout [UInt8]) {
        let blockSize = BitPacking.blockSize
        let blockCount = (docEnds.count + blockSize - 1) / blockSize
        guard let source = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            out.append(PositionsChunk.Kind.shortUngrouped.rawValue)
            return
        }
        // Most lists are short: fewer than 128 positions keep their varints as they are.
        if blockCount <= 1 && valueCount(source, bytes.count) < blockSize {
            out.append(PositionsChunk.Kind.shortUngrouped.rawValue)
            out.append(contentsOf: bytes)
            return
        }
        let chunkStart = out.count
        if blockCount <= 1 {
            out.append(PositionsChunk.Kind.short.rawValue)
        } else {
            out.append(PositionsChunk.Kind.blocked.rawValue)
            out.appendLE(UInt32(blockCount))
            out.append(contentsOf: repeatElement(0, count: 4 * blockCount))
        }
        var values: [UInt32] = []
        var begin = 0
        for block in 0..<blockCount {
            let end = Int(docEnds[min((block + 1) * blockSize, docEnds.count) - 1])
            values.removeAll(keepingCapacity: true)
            values.reserveCapacity(end - begin)  // a value takes a byte at least
            var p = source + begin
            while p < source + end { values.append(VarInt.decode(&p)) }
            appendBlock(values, to: &out)
            if blockCount > 1 { out.storeLE(UInt32(out.count - chunkStart), at: chunkStart + 5 + 4 * block) }
            begin = end
        }
    }

    /// The number of varints in the `count` bytes at `p`.
    private static func valueCount(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int {
        var n = 0
        for i in 0..<count where p[i] < 0x80 { n += 1 }
        return n
    }

    /// Appends one block: the group count, the widths, the packed groups, the remaining varints.
    private static func appendBlock(_ values: [UInt32], to out: inout [UInt8]) {
        let blockSize = BitPacking.blockSize
        let groupCount = values.count / blockSize
        VarInt.append(UInt32(groupCount), to: &out)
        values.withUnsafeBufferPointer { v in
            let widthsAt = out.count
            out.append(contentsOf: repeatElement(0, count: groupCount))
            for g in 0..<groupCount {
                let group = v.baseAddress! + g * blockSize
                let bits = BitPacking.bitWidth(group)
                out[widthsAt + g] = UInt8(bits)
                let at = out.count
                out.append(contentsOf: repeatElement(0, count: BitPacking.packedSize(bits: bits)))
                out.withUnsafeMutableBytes { BitPacking.pack(group, bits: bits, into: $0.baseAddress! + at) }
            }
            for i in (groupCount * blockSize)..<v.count { VarInt.append(v[i], to: &out) }
        }
    }
}
