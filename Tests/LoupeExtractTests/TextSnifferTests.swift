import LoupeExtract
import Testing

@Suite struct TextSnifferTests {
    @Test func plainASCIIAndUTF8AreText() {
        #expect(TextSniffer.looksLikeText(Array("Hello, world!\n".utf8)))
        #expect(TextSniffer.looksLikeText(Array("Größe, naïve, 東京, 🙂\n".utf8)))
        #expect(TextSniffer.looksLikeText([UInt8]()))
    }

    @Test func aNULByteMeansBinary() {
        var bytes = Array(repeating: UInt8(ascii: "a"), count: 5000)
        bytes[4000] = 0
        #expect(!TextSniffer.looksLikeText(bytes))
    }

    @Test func aNULAfterTheSampleIsNotSeen() {
        var bytes = Array(repeating: UInt8(ascii: "a"), count: TextSniffer.sampleSize + 10)
        bytes[TextSniffer.sampleSize + 5] = 0
        #expect(TextSniffer.looksLikeText(bytes))
    }

    @Test func randomBytesAreBinary() {
        var generator = SplitMix(seed: 42)
        // Random bytes without NULs: rejected for their invalid UTF-8 alone.
        let bytes = (0..<4096).map { _ in UInt8.random(in: 1...255, using: &generator) }
        #expect(!TextSniffer.looksLikeText(bytes))
    }

    @Test func latin1TextWithAFewInvalidBytesIsText() {
        // "Café crème à la française" in Latin-1: four single invalid bytes in 25.
        let latin1: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" cr".utf8) + [0xE8] + Array("me ".utf8) + [0xE0]
            + Array(" la fran".utf8) + [0xE7] + Array("aise, and some more plain words to read.".utf8)
        #expect(TextSniffer.looksLikeText(latin1))
    }

    @Test func theThresholdIsTenPercent() {
        let valid = Array(repeating: UInt8(ascii: "x"), count: 90)
        #expect(TextSniffer.looksLikeText(valid + Array(repeating: 0xFF, count: 10)))
        #expect(!TextSniffer.looksLikeText(valid + Array(repeating: 0xFF, count: 11)))
    }

    @Test func aSequenceCutByTheSampleEndIsNotCounted() {
        // Fill the sample so that "é" (C3 A9) straddles its end, with no room for error.
        var bytes = Array(repeating: UInt8(0xFF), count: TextSniffer.sampleSize / 10)
        bytes += Array(repeating: UInt8(ascii: "a"), count: TextSniffer.sampleSize - bytes.count - 1)
        bytes += [0xC3, 0xA9]
        #expect(TextSniffer.looksLikeText(bytes))
    }
}

/// A small deterministic random number generator for reproducible fixtures.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
