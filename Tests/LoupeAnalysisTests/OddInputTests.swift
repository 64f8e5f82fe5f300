import LoupeAnalysis
import Testing

/// Empty, degenerate and ill-formed input.
@Suite struct OddInputTests {
    private static let analyzers = [english, simple, englishUnstemmed]

    @Test func emptyAndSeparatorOnlyTextHasNoTokens() {
        for analyzer in Self.analyzers {
            #expect(analyzer.tokens("").isEmpty)
            #expect(analyzer.tokens("   \n\t").isEmpty)
            #expect(analyzer.tokens("!?.,;:--__()[]{}''\"\"…").isEmpty)
            #expect(analyzer.tokens("🙂🚀👩‍👩‍👧🇫🇷").isEmpty)
        }
    }

    @Test func emptyRawBuffer() {
        var calls = 0
        english.analyze(UnsafeRawBufferPointer(start: nil, count: 0)) { _, _, _ in calls += 1 }
        #expect(calls == 0)
    }

    @Test func loneCombiningMarksSeparate() {
        let text = "\u{301}\u{301}abc\u{301} \u{308}"
        for analyzer in Self.analyzers {
            #expect(analyzer.tokens(text).map(\.range) == [4..<7])
        }
    }

    @Test func alphabeticMarkThatFoldsToNothingStillTakesAPosition() {
        // U+0345 is Alphabetic, so it forms a token; diacritic folding without case folding
        // removes it entirely, and an empty term is not emitted.
        #expect(positioned(custom(foldDiacritics: true), "x \u{345} y") == ["x@0", "y@2"])
        // With case folding it becomes ι.
        #expect(terms(english, "\u{345}") == ["ι"])
    }

    @Test func illFormedUTF8Separates() {
        // foo, 0xFF, bar, truncated 3-byte sequence, space, baz, overlong "/", surrogate, qux,
        // truncated 4-byte sequence.
        let bytes: [UInt8] = [
            0x66, 0x6F, 0x6F, 0xFF, 0x62, 0x61, 0x72, 0xE2, 0x82, 0x20, 0x62, 0x61, 0x7A,
            0xC0, 0xAF, 0xED, 0xA0, 0x80, 0x71, 0x75, 0x78, 0xF0, 0x9F,
        ]
        #expect(rawTokens(english, bytes) == ["foo@0[0..<3]", "bar@1[4..<7]", "baz@2[10..<13]", "qux@3[18..<21]"])
    }

    @Test func veryLongTokensAndExtremeLimits() {
        let blob = String(repeating: "x", count: 100_000)
        #expect(positioned(english, "a1 \(blob) b2") == ["a1@0", "b2@2"])
        let unlimited = custom(foldDiacritics: true, maxTokenLength: .max)
        #expect(unlimited.tokens("ÉÉ \(String(repeating: "é", count: 1000))").map(\.term.utf8.count) == [2, 1000])
        #expect(custom(maxTokenLength: -5).tokens("a b").isEmpty)
    }

    @Test func expandingCharactersNearTheLimit() {
        // "ß" (2 bytes) folds to "ss"; "İ" (2 bytes) folds to "i" + U+0307 (3 bytes).
        #expect(terms(custom(caseFolding: true, maxTokenLength: 5), "ßß ßßß İ İİ") == ["ssss", "i\u{307}"])
    }
}
