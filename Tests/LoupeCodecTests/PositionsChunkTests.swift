import LoupeTestSupport
import Testing
@testable import LoupeCodec

@Suite struct PositionsChunkTests {
    @Test func decodesEveryDocumentsPositions() throws {
        var rng = SeededGenerator(seed: 42)
        let docCount = 300
        let positions: [[UInt32]] = (0..<docCount).map { _ in
            var p: UInt32 = UInt32.random(in: 0...50, using: &rng)
            return (0..<Int.random(in: 1...6, using: &rng)).map { _ in
                defer { p += UInt32.random(in: 1...70_000, using: &rng) }
                return p
            }
        }
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
        let chunkBytes = bytes.withUnsafeBytes { b in ends.withUnsafeBufferPointer { PositionsChunkEncoder.encode(bytes: b, docEnds: $0) } }
        try chunkBytes.withUnsafeBytes { raw in
            let chunk = try #require(PositionsChunk(raw))
            #expect(chunk.blockCount == 3)
            var out = [UInt32](repeating: 0, count: 16)
            for (i, expected) in positions.enumerated() {
                let block = i / 128
                let preceding = positions[(block * 128)..<i].reduce(0) { $0 + $1.count }
                out.withUnsafeMutableBufferPointer {
                    chunk.positions(block: block, skipping: preceding, tf: expected.count, into: $0.baseAddress!)
                }
                #expect(Array(out[0..<expected.count]) == expected)
            }
        }
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
}
