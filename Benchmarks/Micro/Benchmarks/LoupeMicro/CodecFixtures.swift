import LoupeCodec

/// One blocked postings chunk of 100,000 postings, encoded once per process with the real encoder,
/// and the two 128-value buffers the decode writes into. Nothing here is freed: it lives as long as
/// the benchmark process.
final class ChunkFixture: @unchecked Sendable {
    static let postings = 100_000

    let chunk: PostingsChunk
    let docs: UnsafeMutablePointer<UInt32>
    let tfs: UnsafeMutablePointer<UInt32>
    /// The encoded size, for the README.
    let byteCount: Int

    init() {
        var rng = SplitMix64(seed: 0x10_0BE)
        var docs: [UInt32] = []
        var tfs: [UInt32] = []
        var lengths: [UInt32] = []
        docs.reserveCapacity(Self.postings)
        var doc: UInt32 = 0
        for _ in 0..<Self.postings {
            // Gaps: P(gap ≥ g) = g^-1.3 (mostly 1-4, a heavy tail up to 65,536); tfs: P(tf ≥ t) = t^-2.
            doc += UInt32(rng.pareto(alpha: 1.3, limit: 1 << 16))
            docs.append(doc)
            tfs.append(UInt32(rng.pareto(alpha: 2, limit: 200)))
            lengths.append(UInt32(30 + rng.next() % 371))
        }
        let encoded = PostingsChunkEncoder.encode(docs: docs, tfs: tfs, lengths: lengths, averageLength: 215)
        let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: encoded.count, alignment: 16)
        encoded.withUnsafeBytes { bytes.copyMemory(from: $0) }
        byteCount = encoded.count
        chunk = PostingsChunk(UnsafeRawBufferPointer(bytes))!
        self.docs = .allocate(capacity: BitPacking.blockSize)
        self.tfs = .allocate(capacity: BitPacking.blockSize)

        // The benchmark is only worth something if the decode gives back what was encoded.
        precondition(chunk.docCount == Self.postings && chunk.blockCount == (Self.postings + 127) / 128)
        var i = 0
        for block in 0..<chunk.blockCount {
            let n = chunk.decode(block: block, docs: self.docs, tfs: self.tfs)
            for j in 0..<n {
                precondition(self.docs[j] == docs[i] && self.tfs[j] == tfs[i], "decode differs from the input at posting \(i)")
                i += 1
            }
        }
        precondition(i == Self.postings)
    }

    /// Decodes every block (doc ids only, or with tfs) and returns a checksum of the last doc ids.
    @inline(never)
    func decodeAll(withTFs: Bool) -> UInt32 {
        var checksum: UInt32 = 0
        let tfs = withTFs ? self.tfs : nil
        for block in 0..<chunk.blockCount {
            let n = chunk.decode(block: block, docs: docs, tfs: tfs)
            checksum &+= docs[n - 1] &+ (tfs?[n - 1] ?? 0)
        }
        return checksum
    }
}

/// One packed 128-value block per bit width, with values that use the full width.
final class UnpackFixture: @unchecked Sendable {
    static let widths = [3, 7, 12, 20]

    private var packed: [Int: UnsafeMutableRawPointer] = [:]
    let out: UnsafeMutablePointer<UInt32> = .allocate(capacity: BitPacking.blockSize)

    init() {
        var rng = SplitMix64(seed: 0xB175)
        for bits in Self.widths {
            let mask = UInt32((1 << bits) - 1)
            var values = (0..<BitPacking.blockSize).map { _ in UInt32(truncatingIfNeeded: rng.next()) & mask }
            values[17] = mask
            let block = UnsafeMutableRawPointer.allocate(byteCount: BitPacking.packedSize(bits: bits), alignment: 16)
            values.withUnsafeBufferPointer { BitPacking.pack($0.baseAddress!, bits: bits, into: block) }
            BitPacking.unpack(block, bits: bits, into: out)
            for i in 0..<BitPacking.blockSize { precondition(out[i] == values[i], "unpack differs at \(bits) bits") }
            packed[bits] = block
        }
    }

    func block(bits: Int) -> UnsafeRawPointer { UnsafeRawPointer(packed[bits]!) }
}

/// One decoded 128-doc block as an intersection's follower holds it (doc-id gaps 1-4, then the
/// ``BlockSearch`` sentinels) and 64 increasing targets in it, as a lead of about half its density
/// proposes them: what `TermPostings.advance(to:)` searches within a block.
final class BlockSearchFixture: @unchecked Sendable {
    let docs: UnsafeMutablePointer<UInt32> = .allocate(capacity: BitPacking.blockSize + BlockSearch.padding)
    let targets: [UInt32]

    init() {
        var rng = SplitMix64(seed: 0xADA)
        var doc: UInt32 = 1_000
        for i in 0..<BitPacking.blockSize {
            docs[i] = doc
            doc += UInt32.random(in: 1...4, using: &rng)
        }
        (docs + BitPacking.blockSize).initialize(repeating: BlockSearch.sentinel, count: BlockSearch.padding)
        var target: UInt32 = 1_000
        var targets: [UInt32] = []
        while targets.count < 64 {
            target += UInt32.random(in: 1...9, using: &rng)
            targets.append(min(target, docs[BitPacking.blockSize - 1]))
        }
        self.targets = targets
        // The benchmark is only worth something if the search finds what a linear scan finds.
        var cursor = 0
        for t in targets {
            cursor = BlockSearch.firstIndex(in: docs, from: cursor, below: BitPacking.blockSize, reaching: t)
            precondition(docs[cursor] >= t && (cursor == 0 || docs[cursor - 1] < t), "BlockSearch missed \(t)")
        }
    }

    /// Advances through the block to every target in turn; returns the last index.
    @inline(never)
    func advanceThrough() -> Int {
        var cursor = 0
        for t in targets { cursor = BlockSearch.firstIndex(in: docs, from: cursor, below: BitPacking.blockSize, reaching: t) }
        return cursor
    }
}

let chunkFixture = ChunkFixture()
let unpackFixture = UnpackFixture()
let blockSearchFixture = BlockSearchFixture()

/// 4,096 varint-encoded position gaps as a positions block holds them (gaps P(gap ≥ g) = g^-1.1,
/// capped at 5,000: mostly one byte, some two), for ``VarInt/skip(_:_:)``.
final class VarIntFixture: @unchecked Sendable {
    static let values = 4_096

    let bytes: UnsafeMutablePointer<UInt8>
    let byteCount: Int

    init() {
        var rng = SplitMix64(seed: 0x5_1C1B)
        var encoded: [UInt8] = []
        for _ in 0..<Self.values { VarInt.append(UInt32(rng.pareto(alpha: 1.1, limit: 5_000)), to: &encoded) }
        byteCount = encoded.count
        bytes = .allocate(capacity: encoded.count)
        bytes.initialize(from: encoded, count: encoded.count)
        // The benchmark is only worth something if the skip lands where the values end.
        precondition(skip(Self.values) == byteCount, "VarInt.skip does not end at the last value")
        var p = UnsafePointer(bytes)
        VarInt.skip(1_000, &p)
        var q = UnsafePointer(bytes)
        for _ in 0..<1_000 { _ = VarInt.decode(&q) }
        precondition(p == q, "VarInt.skip differs from decoding")
    }

    /// Skips the first `count` values (at most ``values``); returns the number of bytes passed.
    @inline(never)
    func skip(_ count: Int) -> Int {
        var p = UnsafePointer(bytes)
        VarInt.skip(count, &p)
        return p - UnsafePointer(bytes)
    }
}

let varIntFixture = VarIntFixture()

/// One positions block of a frequent word, as a v4 positions chunk holds it: 128 documents with
/// 32 positions each (4,096 values, gaps distributed like ``VarIntFixture``'s: 32 bit-packed
/// groups and no remainder), for ``PositionsDecoder``. The same values as varints are what the v3
/// layout made a candidate skip (``VarIntFixture`` times that skip).
final class PositionsFixture: @unchecked Sendable {
    static let documents = 128
    static let tf = 32

    let chunk: [UInt8]
    /// Every document's absolute positions, to check the decoder against.
    let expected: [[UInt32]]
    let out = UnsafeMutablePointer<UInt32>.allocate(capacity: PositionsFixture.tf)

    init() {
        var rng = SplitMix64(seed: 0x5_1C1B)
        var bytes: [UInt8] = []
        var ends: [UInt32] = []
        var expected: [[UInt32]] = []
        for _ in 0..<Self.documents {
            var position: UInt32 = 0
            var positions: [UInt32] = []
            for j in 0..<Self.tf {
                let gap = UInt32(rng.pareto(alpha: 1.1, limit: 5_000))
                position += j == 0 ? gap - 1 : gap
                positions.append(position)
                VarInt.append(j == 0 ? gap - 1 : gap, to: &bytes)
            }
            expected.append(positions)
            ends.append(UInt32(bytes.count))
        }
        self.expected = expected
        chunk = bytes.withUnsafeBytes { b in ends.withUnsafeBufferPointer { PositionsChunkEncoder.encode(bytes: b, docEnds: $0) } }
        // The benchmark is only worth something if the decoder reads the right positions.
        var decoder = PositionsDecoder()
        for doc in [0, 77, Self.documents - 1] {
            precondition(positions(of: doc, &decoder, load: true) == expected[doc], "PositionsDecoder reads other positions")
        }
    }

    /// Decodes document `doc`'s positions (loading the block first when `load`); returns them.
    func positions(of doc: Int, _ decoder: inout PositionsDecoder, load: Bool) -> [UInt32] {
        read(doc, &decoder, load: load)
        return Array(UnsafeBufferPointer(start: out, count: Self.tf))
    }

    /// Decodes document `doc`'s positions into ``out``, as a phrase candidate does (its first
    /// value's index is the sum of the tfs before it); returns the last position.
    @inline(never)
    func read(_ doc: Int, _ decoder: inout PositionsDecoder, load: Bool) -> UInt32 {
        chunk.withUnsafeBytes { raw in
            if load { decoder.load(PositionsChunk(raw)!, block: 0) }
            decoder.positions(from: doc * Self.tf, count: Self.tf, into: out)
        }
        return out[Self.tf - 1]
    }
}

let positionsFixture = PositionsFixture()
