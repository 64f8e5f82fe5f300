import LoupeAnalysis
import Testing

/// Each token's range holds the UTF-8 offsets of its source in the input.
@Suite struct ByteRangeTests {
    @Test func asciiRanges() {
        #expect(simple.tokens("Hello, world").map(\.range) == [0..<5, 7..<12])
    }

    @Test func rangesAfterMultiByteCharacters() {
        let text = "naïve café — Ærøskøbing 東京 über"
        #expect(english.tokens(text).map(\.range) == [0..<6, 7..<12, 17..<30, 31..<37, 38..<43])
        #expect(sources(english, text) == ["naïve", "café", "Ærøskøbing", "東京", "über"])
    }

    @Test func rangesCoverTheSourceNotTheStem() {
        let text = "The RUNNING dogs"
        #expect(sources(english, text) == ["RUNNING", "dogs"])
        #expect(terms(english, text) == ["run", "dog"])
    }

    @Test func rawBufferAndStringAgree() {
        let text = "Grüße aus Köln, 2024 — ΣΟΦΟΣ"
        let expected = english.tokens(text).map { token in
            "\(token.term)@\(token.position)[\(token.range.lowerBound)..<\(token.range.upperBound)]"
        }
        #expect(rawTokens(english, Array(text.utf8)) == expected)
        #expect(expected.count == 5)
    }
}
