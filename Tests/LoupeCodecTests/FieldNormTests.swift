import Testing
@testable import LoupeCodec

@Suite struct FieldNormTests {
    @Test func shortLengthsAreExact() {
        for length in UInt32(0)..<40 {
            #expect(FieldNorm.decode(FieldNorm.encode(length)) == length)
            #expect(FieldNorm.encode(length) == UInt8(length))
        }
        #expect(FieldNorm.decode(FieldNorm.encode(40)) == 40)
        #expect(FieldNorm.decode(FieldNorm.encode(41)) == 40)
    }

    @Test func everyCodeDecodesToTheSmallestLengthOfItsStep() {
        var previous: UInt32? = nil
        for code in 0...255 {
            let length = FieldNorm.decode(UInt8(code))
            #expect(FieldNorm.encode(length) == UInt8(code))
            if length > 0 { #expect(FieldNorm.encode(length - 1) == UInt8(code - 1)) }
            if let previous { #expect(length > previous) }
            previous = length
        }
        #expect(FieldNorm.decode(255) == 2_013_265_944)
    }

    @Test func theCodeIsMonotoneAndAtMostAnEighthShort() {
        var rng = SystemRandomNumberGenerator()
        var samples: [UInt32] = [0, 1, 23, 24, 39, 40, 55, 56, 87, 88, 1000, 65_535, 2_013_265_943, 2_013_265_944, .max - 1, .max]
        for _ in 0..<20_000 { samples.append(UInt32.random(in: 0...UInt32.max, using: &rng) >> UInt32.random(in: 0...31, using: &rng)) }
        samples.sort()
        for (a, b) in zip(samples, samples.dropFirst()) { #expect(FieldNorm.encode(a) <= FieldNorm.encode(b)) }
        for length in samples where length < 2_013_265_944 {
            let decoded = FieldNorm.decode(FieldNorm.encode(length))
            #expect(decoded <= length && length - decoded <= length / 8)
        }
        #expect(FieldNorm.encode(.max) == 255)
    }
}
