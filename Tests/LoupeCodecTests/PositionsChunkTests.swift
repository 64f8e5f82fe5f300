import LoupeTestSupport
import Testing
@testable import LoupeCodec

@Suite struct PositionsChunkTests {
    /// Documents' positions as the encoder takes them: varints (first absolute, then gaps) and each
    /// document's end offset.
    static func varints(_ positions: [[UInt32]]) -> (bytes: [UInt8], ends: [UInt32]) {
        var bytes: [UInt8] = []
        var ends: [UInt32] = []
        for doc in positions {
            var previous: UInt32 = 0
            for p in doc {
                VarInt.append(p - previous, to: &bytes)
                previous = p
            }
            ends.append(UInt32(bytes.count))
        }
        return (bytes, ends)
    }

    static func encode(_ positions: [[UInt32]]) -> [UInt8] {
        let (bytes, ends) = varints(positions)
        return bytes.withUnsafeBytes { b in ends.withUnsafeBufferPointer { PositionsChunkEncoder.encode(bytes: b, docEnds: $0) } }
    }

    /// Random documents: `tfs` positions each, gaps up to `maxGap`.
    static func documents(_ count: Int, tfs: ClosedRange<Int>, maxGap: UInt32, _ rng: inout SeededGenerator) -> [[UInt32]] {
        (0..<count).map { _ in
            var p = UInt32.random(in: 0...maxGap, using: &rng)
            return (0..<Int.random(in: tfs, using: &rng)).map { _ in
                defer { p += UInt32.random(in: 1...maxGap, using: &rng) }
                return p
            }
        }
    }

    /// Reads document `i`'s positions through `decoder`, as a phrase candidate does.
    static func read(_ chunk: PositionsChunk, _ positions: [[UInt32]], _ i: Int, _ decoder: inout PositionsDecoder, loading: Bool) -> [UInt32] {
        let block = i / BitPacking.blockSize
        if loading { decoder.load(chunk, block: block) }
        let first = positions[(block * BitPacking.blockSize)..<i].reduce(0) { $0 + $1.count }
        var out = [UInt32](repeating: 0, count: positions[i].count)
        out.withUnsafeMutableBufferPointer { decoder.positions(from: first, count: positions[i].count, into: $0.baseAddress!) }
        return out
    }

    static func validate(_ chunk: PositionsChunk, _ positions: [[UInt32]]) throws {
        for block in 0..<chunk.blockCount {
            let tfs = positions[(block * BitPacking.blockSize)..<min(positions.count, (block + 1) * BitPacking.blockSize)].map { UInt32($0.count) }
            try tfs.withUnsafeBufferPointer { try chunk.validate(block: block, tfs: $0) }
        }
    }

    static let shapes: [(count: Int, tfs: ClosedRange<Int>, maxGap: UInt32)] = [
        (300, 1...6, 70_000), (400, 1...40, 300), (200, 100...400, 9), (129, 1...1, .max / 2),
    ]

    @Test(arguments: shapes)
    func decodesEveryDocumentsPositionsInAndOutOfOrder(count: Int, tfs: ClosedRange<Int>, maxGap: UInt32) throws {
        var rng = SeededGenerator(seed: UInt64(count))
        let positions = Self.documents(count, tfs: tfs, maxGap: maxGap, &rng)
        let bytes = Self.encode(positions)
        try bytes.withUnsafeBytes { raw in
            let chunk = try #require(PositionsChunk(raw))
            #expect(chunk.blockCount == (count + 127) / 128)
            try Self.validate(chunk, positions)
            var decoder = PositionsDecoder()
            // In doc order, loading each block once, passing over some documents; then backwards.
            var loaded = -1
            for i in Array(positions.indices.filter { $0 % 3 != 1 }) + positions.indices.reversed() {
                let block = i / BitPacking.blockSize
                #expect(Self.read(chunk, positions, i, &decoder, loading: block != loaded) == positions[i])
                loaded = block
            }
            for _ in 0..<200 {
                let i = Int.random(in: positions.indices, using: &rng)
                #expect(Self.read(chunk, positions, i, &decoder, loading: true) == positions[i])
            }
        }
    }

    @Test func fewerThan128PositionsStayVarints() throws {
        var rng = SeededGenerator(seed: 7)
        let positions = Self.documents(40, tfs: 1...3, maxGap: 5_000, &rng)
        let (varints, _) = Self.varints(positions)
        let bytes = Self.encode(positions)
        #expect(bytes == [2] + varints)
        try bytes.withUnsafeBytes { raw in
            let chunk = try #require(PositionsChunk(raw))
            try Self.validate(chunk, positions)
            var decoder = PositionsDecoder()
            for i in positions.indices { #expect(Self.read(chunk, positions, i, &decoder, loading: i == 0) == positions[i]) }
        }
    }

    @Test func groupsOfFrequentWordsAreSmallerThanVarints() {
        var rng = SeededGenerator(seed: 9)
        let positions = Self.documents(1_000, tfs: 5...30, maxGap: 60, &rng)
        #expect(Self.encode(positions).count < Self.varints(positions).bytes.count)
    }

    @Test func validationRejectsDamagedBlocks() throws {
        var rng = SeededGenerator(seed: 11)
        let positions = Self.documents(100, tfs: 2...5, maxGap: 100, &rng)
        let good = Self.encode(positions)
        #expect(good[0] == 1)
        let tfs = positions.map { UInt32($0.count) }
        func rejects(_ bytes: [UInt8], _ expected: String, tfs: [UInt32] = tfs) {
            bytes.withUnsafeBytes { raw in
                guard let chunk = PositionsChunk(raw) else { return }
                #expect {
                    try tfs.withUnsafeBufferPointer { try chunk.validate(block: 0, tfs: $0) }
                } throws: { ($0 as? ByteReader.Malformed)?.description.contains(expected) == true }
            }
        }
        let groups = positions.reduce(0) { $0 + $1.count } / 128
        var wrongCount = good
        wrongCount[1] = UInt8(groups + 1)
        rejects(wrongCount, "packed groups")
        var wide = good
        wide[2] = 33
        rejects(wide, "bits")
        rejects(good + [0], "stray bytes")
        rejects(Array(good.dropLast(3)), "truncated")
        rejects(good, "packed groups", tfs: tfs.dropLast() + [tfs.last! + 200])
        // A repeated position in a short list of varints.
        rejects([2, 5, 0], "do not increase", tfs: [2])
        #expect(PositionsChunk(UnsafeRawBufferPointer(start: nil, count: 0)) == nil)
        #expect([UInt8]([3, 0]).withUnsafeBytes { PositionsChunk($0) } == nil)
    }

    @Test func varIntsRoundTripAtEveryLength() {
        let values: [UInt32] = [0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456, .max]
        var bytes: [UInt8] = []
        for v in values { VarInt.append(v, to: &bytes) }
        bytes.withUnsafeBufferPointer { buffer in
            var p = buffer.baseAddress!
            for v in values { #expect(VarInt.decode(&p) == v) }
            #expect(p == buffer.baseAddress! + buffer.count)
        }
    }

    /// Appending to a buffer that already holds other chunks gives the chunk's own bytes after
    /// them: its block offsets count from the chunk's start, not the buffer's.
    @Test func anAppendedChunkIsTheEncodedOneWhateverPrecedesIt() {
        var rng = SeededGenerator(seed: 21)
        var buffer: [UInt8] = [0x01, 0x02]
        for (count, tfs) in [(0, 1...1), (1, 1...3), (20, 1...4), (127, 1...2), (128, 1...3), (400, 1...6)] {
            let positions = Self.documents(count, tfs: tfs, maxGap: 700, &rng)
            let (bytes, ends) = Self.varints(positions)
            let start = buffer.count
            bytes.withUnsafeBytes { b in ends.withUnsafeBufferPointer { PositionsChunkEncoder.append(bytes: b, docEnds: $0, to: &buffer) } }
            #expect(Array(buffer[start...]) == Self.encode(positions), "\(count) documents")
        }
    }
}
