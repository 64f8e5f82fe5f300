/// A read-only view of one encoded postings chunk (``PostingsChunkFormat``), decoding straight from
/// the bytes it is given (normally LMDB's memory map): no copy of the chunk, no allocation.
///
/// The view is only as valid as the buffer behind it. Use ``validate()`` before trusting bytes
/// that may be damaged; the decode methods assume a well-formed chunk.
public struct PostingsChunk {
    @usableFromInline let base: UnsafeRawPointer
    /// The chunk's size in bytes.
    public let byteCount: Int
    /// Number of postings in the chunk.
    public let docCount: Int
    /// Number of blocks (full blocks of 128, then possibly one shorter tail block).
    public let blockCount: Int
    /// The first doc id of the chunk.
    public let firstDoc: UInt32
    /// True for the short layout (one tail block, varint header).
    public let isShort: Bool
    @usableFromInline let firstDataOffset: Int
    @usableFromInline let shortLastDoc: UInt32
    @usableFromInline let shortImpacts: Impacts

    /// Wraps `bytes`. Fails when the buffer is too short for its header and skip table.
    public init?(_ bytes: UnsafeRawBufferPointer) {
        guard let start = bytes.baseAddress, bytes.count >= 1 else { return nil }
        base = start
        byteCount = bytes.count
        switch start.load(as: UInt8.self) {
        case PostingsChunkFormat.blocked:
            guard bytes.count >= PostingsChunkFormat.headerSize else { return nil }
            isShort = false
            docCount = Int(start.loadLE32(1))
            blockCount = Int(start.loadLE32(5))
            firstDoc = start.loadLE32(9)
            firstDataOffset = PostingsChunkFormat.headerSize + blockCount * PostingsChunkFormat.skipEntrySize
            guard firstDataOffset <= bytes.count else { return nil }
            shortLastDoc = 0
            shortImpacts = Impacts(tf1: 0, length1: 0, tf2: 0, length2: 0)
        case let kind where kind >= PostingsChunkFormat.short && kind < PostingsChunkFormat.short + UInt8(BitPacking.blockSize):
            let count = Int(kind - PostingsChunkFormat.short)
            var reader = ByteReader(UnsafeRawBufferPointer(rebasing: bytes[1...]))
            guard let first = try? reader.varint(), first <= UInt64(UInt32.max) else { return nil }
            var span: UInt64 = 0, tf1: UInt64, length1: UInt64, tf2: UInt64, length2: UInt64
            if count == 1 {
                guard let tf = try? reader.varint(), let length = try? reader.varint() else { return nil }
                (tf1, length1, tf2, length2) = (tf, length, tf, length)
            } else {
                guard let s = try? reader.varint(), let t = try? reader.varint(), let l = try? reader.varint(),
                    let tfDelta = try? reader.varint(), first + s <= UInt64(UInt32.max)
                else { return nil }
                let lengthDelta = tfDelta == 0 ? 0 : (try? reader.varint())
                guard let lengthDelta else { return nil }
                (span, tf1, length1, tf2, length2) = (s, t, l, t &+ tfDelta, l &+ lengthDelta)
            }
            isShort = true
            docCount = count
            blockCount = count == 0 ? 0 : 1
            firstDoc = UInt32(first)
            shortLastDoc = UInt32(first + span)
            shortImpacts = Impacts(
                tf1: UInt32(truncatingIfNeeded: tf1), length1: UInt32(truncatingIfNeeded: length1),
                tf2: UInt32(truncatingIfNeeded: tf2), length2: UInt32(truncatingIfNeeded: length2))
            firstDataOffset = 1 + reader.offset
        default:
            return nil
        }
    }

    @inlinable @inline(__always)
    func skip(_ block: Int, _ field: Int) -> UInt32 {
        base.loadLE32(PostingsChunkFormat.headerSize + block * PostingsChunkFormat.skipEntrySize + field * 4)
    }

    /// The last doc id of `block`.
    @inlinable @inline(__always) public func lastDoc(ofBlock block: Int) -> UInt32 { isShort ? shortLastDoc : skip(block, 0) }
    /// The (tf, length) pairs that dominate every posting of `block`.
    @inlinable @inline(__always) public func impacts(ofBlock block: Int) -> Impacts {
        isShort ? shortImpacts : Impacts(tf1: skip(block, 2), length1: skip(block, 3), tf2: skip(block, 4), length2: skip(block, 5))
    }
    /// The last doc id of the chunk.
    public var lastDoc: UInt32 { blockCount == 0 ? firstDoc : lastDoc(ofBlock: blockCount - 1) }

    /// The number of postings in `block`.
    @inlinable @inline(__always)
    public func count(ofBlock block: Int) -> Int {
        block == blockCount - 1 ? docCount - block * BitPacking.blockSize : BitPacking.blockSize
    }

    @inlinable @inline(__always)
    func dataStart(ofBlock block: Int) -> Int {
        block == 0 ? firstDataOffset : Int(skip(block - 1, 1))
    }

    @inline(__always)
    private func dataEnd(ofBlock block: Int) -> Int {
        isShort ? byteCount : Int(skip(block, 1))
    }

    /// Decodes `block` into `docs` and `tfs` (each with room for 128 values) and returns its count.
    /// Pass nil for `tfs` to decode doc ids only.
    @inlinable @inline(__always)
    public func decode(block: Int, docs: UnsafeMutablePointer<UInt32>, tfs: UnsafeMutablePointer<UInt32>?) -> Int {
        let n = count(ofBlock: block)
        var previous = block == 0 ? firstDoc : lastDoc(ofBlock: block - 1)
        let start = dataStart(ofBlock: block)
        if isShort {
            guard n > 0 else { return 0 }
            docs[0] = previous
            guard n > 1 else {
                tfs?[0] = shortImpacts.tf1
                return 1
            }
            var p = (base + start).assumingMemoryBound(to: UInt8.self)
            let tf = VarInt.decode(&p)
            tfs?[0] = tf
            for i in 1..<n {
                previous &+= VarInt.decode(&p)
                docs[i] = previous
                let tf = VarInt.decode(&p)
                tfs?[i] = tf
            }
            return n
        }
        if n == BitPacking.blockSize {
            let docBits = Int(base.load(fromByteOffset: start, as: UInt8.self))
            let tfBits = Int(base.load(fromByteOffset: start + 1, as: UInt8.self))
            BitPacking.unpackPrefixSums(base + start + 2, bits: docBits, base: previous, into: docs)
            if let tfs {
                BitPacking.unpack(base + start + 2 + BitPacking.packedSize(bits: docBits), bits: tfBits, adding: 1, into: tfs)
            }
        } else {
            var p = (base + start).assumingMemoryBound(to: UInt8.self)
            for i in 0..<n {
                previous &+= VarInt.decode(&p)
                docs[i] = previous
                let tf = VarInt.decode(&p)
                tfs?[i] = tf
            }
        }
        return n
    }

    /// Whether `block` is bit-packed (a full block of 128), so that its term frequencies can be
    /// decoded apart from its doc ids with ``decodeFrequencies(block:into:)``.
    @inlinable @inline(__always)
    public func isPacked(block: Int) -> Bool { count(ofBlock: block) == BitPacking.blockSize }

    /// Decodes the term frequencies of the bit-packed `block` into `tfs` (room for 128 values):
    /// what ``decode(block:docs:tfs:)`` writes to `tfs`, for a block first decoded without them.
    @inlinable @inline(__always)
    public func decodeFrequencies(block: Int, into tfs: UnsafeMutablePointer<UInt32>) {
        let packed = packedFrequencies(block: block)
        BitPacking.unpack(packed.bytes, bits: packed.bits, adding: 1, into: tfs)
    }

    /// The term frequencies of the bit-packed `block` as stored, each less 1, and their width:
    /// one of them is read alone with ``BitPacking/value(at:in:bits:)``.
    @inlinable @inline(__always)
    public func packedFrequencies(block: Int) -> (bytes: UnsafeRawPointer, bits: Int) {
        let start = dataStart(ofBlock: block)
        let docBits = Int(base.load(fromByteOffset: start, as: UInt8.self))
        let tfBits = Int(base.load(fromByteOffset: start + 1, as: UInt8.self))
        return (base + start + 2 + BitPacking.packedSize(bits: docBits), tfBits)
    }

    /// The first block whose last doc id is at least `target`, searching from `block`; `blockCount`
    /// when every remaining block ends before `target`.
    /// Gallops forward from `block`, then binary-searches, so long skips cost O(log distance).
    @inlinable @inline(__always)
    public func block(reaching target: UInt32, from block: Int) -> Int {
        guard block < blockCount, lastDoc(ofBlock: block) < target else { return block }
        var low = block  // lastDoc(low) < target
        var step = 1
        var high = block + 1
        while high < blockCount && lastDoc(ofBlock: high) < target {
            low = high
            step <<= 1
            high = low + step
        }
        high = min(high, blockCount)  // lastDoc(high) >= target, or high == blockCount
        while high - low > 1 {
            let mid = (low + high) >> 1
            if lastDoc(ofBlock: mid) < target { low = mid } else { high = mid }
        }
        return high
    }

    /// Checks the whole chunk: header, skip table, every block's bounds, increasing doc ids and
    /// the skip metadata against the decoded values. Throws a description of the first problem.
    public func validate(lengthOf: (UInt32) -> UInt32?) throws(ByteReader.Malformed) {
        guard blockCount == (docCount + BitPacking.blockSize - 1) / BitPacking.blockSize else {
            throw ByteReader.Malformed(description: "chunk has \(docCount) docs but \(blockCount) blocks")
        }
        var docs = [UInt32](repeating: 0, count: BitPacking.blockSize)
        var tfs = [UInt32](repeating: 0, count: BitPacking.blockSize)
        var previousEnd = dataStart(ofBlock: 0)
        var previousDoc: UInt32? = nil
        for block in 0..<blockCount {
            let end = dataEnd(ofBlock: block)
            guard end >= previousEnd, end <= byteCount else {
                throw ByteReader.Malformed(description: "block \(block) data [\(previousEnd), \(end)) outside chunk of \(byteCount) bytes")
            }
            if count(ofBlock: block) < BitPacking.blockSize {
                var reader = ByteReader(UnsafeRawBufferPointer(start: base + previousEnd, count: end - previousEnd))
                // A short chunk's first posting has no delta, and a lone one not even its tf.
                let values = isShort ? (docCount == 1 ? 0 : 2 * docCount - 1) : count(ofBlock: block) * 2
                for _ in 0..<values { _ = try reader.varint() }
                guard reader.isAtEnd else { throw ByteReader.Malformed(description: "tail block \(block) has stray bytes") }
            } else {
                guard end - previousEnd >= 2 else { throw ByteReader.Malformed(description: "block \(block) too short") }
                let docBits = Int(base.load(fromByteOffset: previousEnd, as: UInt8.self))
                let tfBits = Int(base.load(fromByteOffset: previousEnd + 1, as: UInt8.self))
                guard docBits <= 32, tfBits <= 32,
                    2 + BitPacking.packedSize(bits: docBits) + BitPacking.packedSize(bits: tfBits) == end - previousEnd
                else { throw ByteReader.Malformed(description: "block \(block) bit widths do not match its size") }
            }
            let n = docs.withUnsafeMutableBufferPointer { d in
                tfs.withUnsafeMutableBufferPointer { t in decode(block: block, docs: d.baseAddress!, tfs: t.baseAddress!) }
            }
            let impacts = impacts(ofBlock: block)
            for i in 0..<n {
                if let p = previousDoc, docs[i] <= p {
                    throw ByteReader.Malformed(description: "doc ids not increasing at block \(block): \(p) then \(docs[i])")
                }
                guard tfs[i] >= 1 else { throw ByteReader.Malformed(description: "zero term frequency for doc \(docs[i])") }
                previousDoc = docs[i]
                if let length = lengthOf(docs[i]), !impacts.dominates(tf: tfs[i], length: length) {
                    throw ByteReader.Malformed(
                        description: "block \(block): doc \(docs[i]) (tf \(tfs[i]), length \(length)) exceeds the block's impacts \(impacts)")
                }
            }
            guard docs[n - 1] == lastDoc(ofBlock: block) else {
                throw ByteReader.Malformed(description: "block \(block) last doc \(docs[n - 1]) but skip entry says \(lastDoc(ofBlock: block))")
            }
            previousEnd = end
        }
        guard previousEnd == byteCount else {
            throw ByteReader.Malformed(description: "\(byteCount - previousEnd) stray bytes after the last block")
        }
    }
}
