import LoupeQuery
import Testing

@Suite("Phrases")
struct PhraseTests {
    @Test func phraseKeepsItsWordsRawAndInOrder() throws {
        #expect(try strict("\"The War of the Worlds\"") == phrase("The", "War", "of", "the", "Worlds"))
    }

    @Test func phraseWordsSplitOnWhitespaceOnly() throws {
        #expect(try strict("\"don't  stop\tu.s.a e-mail\"") == phrase("don't", "stop", "u.s.a", "e-mail"))
    }

    @Test func syntaxCharactersInsidePhraseAreText() throws {
        #expect(try strict("\"a AND (b) title:c -d *e f^2\"")
            == phrase("a", "AND", "(b)", "title:c", "-d", "*e", "f^2"))
    }

    @Test func singleWordPhraseStaysAPhrase() throws {
        #expect(try strict("\"u.s.a\"") == phrase("u.s.a"))
    }

    @Test func phraseWithSlop() throws {
        #expect(try strict("\"quick fox\"~2") == phrase("quick", "fox", slop: 2))
    }

    @Test func zeroSlopIsExact() throws {
        #expect(try strict("\"quick fox\"~0") == phrase("quick", "fox"))
    }

    @Test func phrasesCombineWithTerms() throws {
        #expect(try strict("a \"b c\" d") == boolean(should(term("a")), should(phrase("b", "c")), should(term("d"))))
    }

    @Test func phraseEndsAWord() throws {
        #expect(try strict("a\"b c\"d") == boolean(should(term("a")), should(phrase("b", "c")), should(term("d"))))
    }

    @Test func punctuationOnlyPhraseIsDropped() throws {
        #expect(try strict("a \"... !!\"") == term("a"))
    }

    @Test func escapedQuoteInsidePhrase() throws {
        #expect(try strict(#""say \"hi\" now""#) == phrase("say", "\"hi\"", "now"))
    }
}
