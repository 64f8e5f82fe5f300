import LoupeAnalysis
import Testing

/// Token boundaries: maximal runs of Unicode alphanumerics, as Tantivy's simple tokenizer.
@Suite struct TokenizerTests {
    @Test func asciiWordsAreLowercased() {
        #expect(terms(simple, "Hello, World! HELLO world.") == ["hello", "world", "hello", "world"])
    }

    @Test func digitsAndMixedAlphanumericsStayTogether() {
        #expect(
            terms(simple, "mp3 h2o 3.14 1,000 B2B 2024") == ["mp3", "h2o", "3", "14", "1", "000", "b2b", "2024"]
        )
    }

    @Test func underscoresAndPunctuationSplit() {
        #expect(
            terms(simple, "snake_case foo-bar x.y don't a/b (c) [d]{e}#f@g")
                == ["snake", "case", "foo", "bar", "x", "y", "don", "t", "a", "b", "c", "d", "e", "f", "g"]
        )
    }

    @Test func whitespaceOfAllKindsSplits() {
        let text = "a\tb\nc\r\nd\u{00A0}e\u{2003}f\u{3000}g"
        #expect(terms(simple, text) == ["a", "b", "c", "d", "e", "f", "g"])
    }

    @Test func cyrillicWords() {
        #expect(terms(simple, "Привет, Мир!") == ["привет", "мир"])
        #expect(terms(english, "Война и мир") == ["воина", "и", "мир"])
    }

    @Test func cjkRunsAreSingleTokens() {
        #expect(terms(simple, "東京タワー 2024年、日本。") == ["東京タワー", "2024年", "日本"])
        #expect(terms(english, "한국어 텍스트") == ["한국어", "텍스트"])
    }

    @Test func otherNumbersAndLetterNumbersAreAlphanumeric() {
        // ² and ½ are No, Ⅻ is Nl (and lower-cases to ⅻ).
        #expect(terms(simple, "x² ½ Ⅻ") == ["x²", "½", "ⅻ"])
    }

    @Test func emojiAndSymbolsSeparate() {
        #expect(positioned(simple, "I ❤️ Swift 🚀! 👩‍👩‍👧 ok™") == ["i@0", "swift@1", "ok@2"])
    }

    @Test func decomposedAccentsSplitLikeTantivy() {
        // U+0301 is not alphanumeric, so a decomposed "é" ends the token (as in Tantivy).
        #expect(terms(simple, "cafe\u{301}s") == ["cafe", "s"])
    }
}
