import LoupeQuery
import Testing

@Suite("Bare terms and the default operator")
struct TermTests {
    @Test func singleTermCollapsesToItsNode() throws {
        #expect(try lenient("hello") == term("hello"))
        #expect(try strict("hello") == term("hello"))
    }

    @Test func termTextKeepsItsCase() throws {
        #expect(try strict("Hello WORLD") == any("Hello", "WORLD"))
    }

    @Test func adjacentTermsUseOrByDefault() throws {
        #expect(try strict("a b c") == any("a", "b", "c"))
    }

    @Test func adjacentTermsUseAndWhenItIsTheDefault() throws {
        #expect(try strict("a b c", .and) == all("a", "b", "c"))
    }

    @Test func anyWhitespaceSeparatesTerms() throws {
        #expect(try strict(" a\tb\nc\r\n d\u{3000}e ") == any("a", "b", "c", "d", "e"))
    }

    @Test(arguments: ["don't", "u.s.a", "c++", "e-mail", "a&&b", "x||y", "a+b", "a!", "C#", "50%", "a/b", "a?"])
    func punctuationInsideWordsStaysInTheTerm(word: String) throws {
        #expect(try strict(word) == term(word))
    }

    @Test func lowercaseOperatorsAreWords() throws {
        #expect(try strict("cats and dogs or not birds") == any("cats", "and", "dogs", "or", "not", "birds"))
    }

    @Test func mixedCaseOperatorsAreWords() throws {
        #expect(try strict("a And b") == any("a", "And", "b"))
    }

    @Test func emptyInputMatchesNothing() throws {
        #expect(try strict("") == .matchNone)
        #expect(try lenient("   \t\n") == .matchNone)
    }

    @Test func punctuationOnlyWordsAreDropped() throws {
        #expect(try strict("a & b ... c") == any("a", "b", "c"))
        #expect(try strict("... ??? &") == .matchNone)
    }

    @Test func unicodeWordsAreTerms() throws {
        #expect(try strict("café naïve 東京 Ελλάδα") == any("café", "naïve", "東京", "Ελλάδα"))
    }

    @Test func defaultsAreLenientWithOrAndTheDocumentedLimits() throws {
        let options = QueryParserOptions()
        #expect(options == QueryParserOptions(defaultOperator: .or, strict: false, maxClauses: 1024, maxDepth: 32))
        #expect(try QueryParser().parse("a AND") == term("a"))
    }

    @Test func combiningMarksStayWithTheirLetters() throws {
        #expect(try strict("e\u{301}te\u{301} nai\u{308}ve") == any("e\u{301}te\u{301}", "nai\u{308}ve"))
    }

    @Test func digitsAreSearchable() throws {
        #expect(try strict("1984") == term("1984"))
    }
}
