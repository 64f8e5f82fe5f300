import LoupeAnalysis
import Testing

/// The English stop-word filter.
@Suite struct StopWordTests {
    @Test func stopWordsDroppedWhenOn() {
        #expect(english.tokens("To be or not to be").isEmpty)
        #expect(terms(english, "the cat and THE hat") == ["cat", "hat"])
    }

    @Test func stopWordsKeptWhenOff() {
        let analyzer = custom(caseFolding: true, foldDiacritics: true, stem: true)
        #expect(terms(analyzer, "To be or not to be") == ["to", "be", "or", "not", "to", "be"])
    }

    @Test func matchedOnTheUnstemmedToken() {
        // "being" is a stop word (its stem is not looked at); "doings" is not, although it stems
        // to the stop word "do".
        #expect(terms(english, "being doings") == ["do"])
    }

    @Test func wholeWordsOnly() {
        let text = "there thereafter a an ant ourselves yourselvesx"
        #expect(terms(englishUnstemmed, text) == ["thereafter", "ant", "yourselvesx"])
    }

    @Test func listCoversCommonFunctionWords() {
        let words = """
            i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
            she her hers herself it its itself they them their theirs themselves what which who whom
            this that these those am is are was were be been being have has had having do does did
            doing would should could ought cannot a an the and but if or because as until while of at
            by for with about against between into through during before after above below to from up
            down in out on off over under again further then once here there when where why how all
            any both each few more most other some such no nor not only own same so than too very
            """
        #expect(english.tokens(words).isEmpty)
        #expect(positioned(custom(stopWords: true), words + " zebra") == ["zebra@124"])
    }
}
