/// Builds postings chunks (``PostingsChunkFormat``) from sorted doc ids and their frequencies.
public enum PostingsChunkEncoder {
    /// Encodes one chunk.
    ///
    /// - Parameters:
    ///   - docs: strictly increasing doc ids (may be empty: a chunk with no blocks).
    ///   - tfs: the term frequency of each doc (≥ 1), same count as `docs`.
    ///   - lengths: the field length of each doc, same count; feeds the block-max bounds.
    ///   - averageLength: the field's average length, which makes the impacts tightest for BM25
    ///     near it (they stay valid whatever it becomes).
    /// - Returns: the encoded chunk.
    public static func encode(docs: [UInt32], tfs: [UInt32], lengths: [UInt32], averageLength: Double = 100) -> [UInt8] {
        docs.withUnsafeBufferPointer { docs in
            tfs.withUnsafeBufferPointer { tfs in
                lengths.withUnsafeBufferPointer { encode(docs: docs, tfs: tfs, lengths: $0, averageLength: averageLength) }
            }
        }
    }

    /// Encodes one chunk from buffers: ``encode(docs:tfs:lengths:averageLength:)`` without the
    /// arrays, for a caller that holds the postings in storage of its own.
    public static func encode(
        docs: UnsafeBufferPointer<UInt32>, tfs: UnsafeBufferPointer<UInt32>, lengths: UnsafeBufferPointer<UInt32>, averageLength: Double = 100
    ) -> [UInt8] {
        var out: [UInt8] = []
        // Room for the header, the skip entries and most postings (rarely more than 3 bytes each).
        out.reserveCapacity(PostingsChunkFormat.headerSize + docs.count / BitPacking.blockSize * PostingsChunkFormat.skipEntrySize + 16 + docs.count * 3)
        append(docs: docs, tfs: tfs, lengths: lengths, averageLength: averageLength, to: &out)
        return out
    }

    /// Appends one chunk to `out`: the bytes ``encode(docs:tfs:lengths:averageLength:)`` returns,
    /// for a caller gathering many chunks in one buffer (its offsets are the chunk's own, whatever
    /// `out` held before). It reserves nothing, so that `out` grows geometrically.
    public static func append(
        docs: UnsafeBufferPointer<UInt32>, tfs: UnsafeBufferPointer<UInt32>, lengths: UnsafeBufferPointer<UInt32>, averageLength: Double = 100,
        to out: inout [UInt8]
    ) {
        precondition(docs.count == tfs.count && docs.count == lengths.count)
        let blockSize = BitPacking.blockSize
        var scratch: [UInt64] = []
        if docs.count < blockSize { return appendShort(docs: docs, tfs: tfs, lengths: lengths, averageLength: averageLength, to: &out) }
        let blockCount = (docs.count + blockSize - 1) / blockSize
        let chunkStart = out.count
        out.append(PostingsChunkFormat.blocked)
        out.appendLE(UInt32(docs.count))
        out.appendLE(UInt32(blockCount))
        out.appendLE(docs.first ?? 0)
        let skipStart = out.count
        out.append(contentsOf: repeatElement(0, count: blockCount * PostingsChunkFormat.skipEntrySize))

        var deltas = [UInt32](repeating: 0, count: blockSize)
        var freqs = [UInt32](repeating: 0, count: blockSize)
        var previous = docs.first ?? 0
        for block in 0..<blockCount {
            let start = block * blockSize
            let end = min(start + blockSize, docs.count)
            for i in start..<end {
                precondition(i == 0 || docs[i] > docs[i - 1], "doc ids must increase")
                precondition(tfs[i] >= 1, "term frequency must be at least 1")
            }
            let impacts = Impacts.cover(
                tfs: UnsafeBufferPointer(rebasing: tfs[start..<end]), lengths: UnsafeBufferPointer(rebasing: lengths[start..<end]),
                averageLength: averageLength, scratch: &scratch)
            if end - start == blockSize {
                for i in 0..<blockSize {
                    deltas[i] = docs[start + i] &- previous
                    previous = docs[start + i]
                    freqs[i] = tfs[start + i] &- 1
                }
                let docBits = deltas.withUnsafeBufferPointer { BitPacking.bitWidth($0.baseAddress!) }
                let tfBits = freqs.withUnsafeBufferPointer { BitPacking.bitWidth($0.baseAddress!) }
                out.append(UInt8(docBits))
                out.append(UInt8(tfBits))
                let at = out.count
                out.append(contentsOf: repeatElement(0, count: BitPacking.packedSize(bits: docBits) + BitPacking.packedSize(bits: tfBits)))
                out.withUnsafeMutableBytes { raw in
                    deltas.withUnsafeBufferPointer { BitPacking.pack($0.baseAddress!, bits: docBits, into: raw.baseAddress! + at) }
                    freqs.withUnsafeBufferPointer {
                        BitPacking.pack($0.baseAddress!, bits: tfBits, into: raw.baseAddress! + at + BitPacking.packedSize(bits: docBits))
                    }
                }
            } else {
                for i in start..<end {
                    VarInt.append(docs[i] &- previous, to: &out)
                    VarInt.append(tfs[i], to: &out)
                    previous = docs[i]
                }
            }
            let skip = skipStart + block * PostingsChunkFormat.skipEntrySize
            out.storeLE(docs[end - 1], at: skip)
            out.storeLE(UInt32(out.count - chunkStart), at: skip + 4)
            out.storeLE(impacts.tf1, at: skip + 8)
            out.storeLE(impacts.length1, at: skip + 12)
            out.storeLE(impacts.tf2, at: skip + 16)
            out.storeLE(impacts.length2, at: skip + 20)
        }
    }

    /// The short layout (see ``PostingsChunkFormat``): fewer than 128 postings, the count in the
    /// kind byte, varints, and nothing a reader could derive from what is already there.
    private static func appendShort(
        docs: UnsafeBufferPointer<UInt32>, tfs: UnsafeBufferPointer<UInt32>, lengths: UnsafeBufferPointer<UInt32>, averageLength: Double,
        to out: inout [UInt8]
    ) {
        out.append(PostingsChunkFormat.shortKind(docCount: docs.count))
        var scratch: [UInt64] = []
        for i in 1..<max(docs.count, 1) where docs[i] <= docs[i - 1] { preconditionFailure("doc ids must increase") }
        precondition(tfs.allSatisfy { $0 >= 1 }, "term frequency must be at least 1")
        let impacts = Impacts.cover(tfs: tfs, lengths: lengths, averageLength: averageLength, scratch: &scratch)
        let first = docs.first ?? 0
        VarInt.append(first, to: &out)
        if docs.count == 1 {
            // The one posting is its own cover: its tf and length are the impacts.
            VarInt.append(tfs[0], to: &out)
            VarInt.append(lengths[0], to: &out)
            return
        }
        VarInt.append((docs.last ?? 0) &- first, to: &out)
        let (low, high) = corners(impacts)
        VarInt.append(low.tf, to: &out)
        VarInt.append(low.length, to: &out)
        VarInt.append(high.map { $0.tf - low.tf } ?? 0, to: &out)
        if let high { VarInt.append(high.length - low.length, to: &out) }
        for i in 0..<docs.count {
            if i > 0 { VarInt.append(docs[i] &- docs[i - 1], to: &out) }
            VarInt.append(tfs[i], to: &out)
        }
    }

    /// The impacts' corners as the short layout stores them: the lower-tf corner, and the other
    /// only when neither dominates it (then both its tf and its length are larger). A dominated
    /// corner is dropped: it never raises the bound.
    private static func corners(_ impacts: Impacts) -> (low: (tf: UInt32, length: UInt32), high: (tf: UInt32, length: UInt32)?) {
        let one = (tf: impacts.tf1, length: impacts.length1), two = (tf: impacts.tf2, length: impacts.length2)
        let (low, high) = one.tf <= two.tf ? (one, two) : (two, one)
        if high.length <= low.length { return (high, nil) }  // high dominates low (ties included)
        if high.tf == low.tf { return (low, nil) }  // same tf, low is shorter: low dominates
        return (low, high)
    }
}
