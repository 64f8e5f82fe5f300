import LoupeCodec
import LoupeTestSupport
import Testing
@testable import LoupeIndex

@Suite struct ByteSlicePoolTests {
    /// Interleaved appends to many streams of very different lengths (slices of every level, and
    /// enough bytes to fill several pages) read back exactly, each stream in its own order.
    @Test func interleavedStreamsReadBackExactly() {
        var random = SeededGenerator(seed: 7)
        let pool = ByteSlicePool()
        var expected: [[UInt8]] = []
        var streams: [ByteSlicePool.Stream] = []
        for _ in 0..<3000 {
            streams.append(pool.newStream())
            expected.append([])
        }
        for _ in 0..<400_000 {
            // Stream 0 grows far past the largest slice; the others are skewed towards the first.
            let r = Double.random(in: 0..<1, using: &random)
            let stream = Int(r * r * Double(expected.count))
            if Bool.random(using: &random) {
                let byte = UInt8.random(in: 0...255, using: &random)
                pool.append(byte, to: &streams[stream])
                expected[stream].append(byte)
            } else {
                let value = UInt32.random(in: 0...UInt32.max, using: &random) >> UInt32.random(in: 0...31, using: &random)
                pool.appendVarInt(value, to: &streams[stream])
                VarInt.append(value, to: &expected[stream])
            }
        }
        #expect(pool.bytes >= 2 * ByteSlicePool.pageSize)
        var out: [UInt8] = [1, 2, 3]
        for stream in expected.indices {
            pool.copy(streams[stream], into: &out)
            #expect(out == expected[stream], "stream \(stream)")
            #expect(Int(streams[stream].length) == expected[stream].count)
        }
    }

    @Test func anEmptyStreamReadsAsNothing() {
        let pool = ByteSlicePool()
        let stream = pool.newStream()
        var out: [UInt8] = [9]
        pool.copy(stream, into: &out)
        #expect(out.isEmpty)
        #expect(stream.length == 0)
    }
}
