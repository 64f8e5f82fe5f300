import LoupeTestSupport
import Testing
@testable import LoupeCodec

@Suite struct VarIntTests {
    /// `skip(n)` must land exactly where decoding n values lands, for every n, whatever mix of
    /// one- to five-byte values lies in the way (the word-at-a-time path stops mid-value too).
    @Test(arguments: [UInt64(1), 2, 3])
    func skipLandsWhereDecodingDoes(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let values: [UInt32] = (0..<300).map { _ in
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<6: UInt32.random(in: 0..<0x80, using: &rng)
            case 6..<8: UInt32.random(in: 0x80..<0x4000, using: &rng)
            case 8: UInt32.random(in: 0x4000..<0x1000_0000, using: &rng)
            default: UInt32.random(in: 0x1000_0000...UInt32.max, using: &rng)
            }
        }
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for v in values {
            VarInt.append(v, to: &bytes)
            ends.append(bytes.count)
        }
        bytes.withUnsafeBufferPointer { buffer in
            let start = buffer.baseAddress!
            for first in [0, 1, 5, 17] {
                let from = first == 0 ? 0 : ends[first - 1]
                for count in 0...(values.count - first) {
                    var p = start + from
                    VarInt.skip(count, &p)
                    let expected = count == 0 ? from : ends[first + count - 1]
                    #expect(p - start == expected, "skip \(count) from value \(first), seed \(seed)")
                }
            }
        }
    }

    /// Eight one-byte values: the word path consumes exactly the eight bytes and stops.
    @Test func skipOfExactlyOneWordOfSingleBytes() {
        let bytes: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8, 0x81, 0x01]
        bytes.withUnsafeBufferPointer { buffer in
            var p = buffer.baseAddress!
            VarInt.skip(8, &p)
            #expect(p - buffer.baseAddress! == 8)
            #expect(VarInt.decode(&p) == 0x81)
        }
    }
}
