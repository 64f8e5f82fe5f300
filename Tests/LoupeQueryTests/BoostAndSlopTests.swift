import LoupeQuery
import Testing

@Suite("Boosts and slop")
struct BoostAndSlopTests {
    @Test func termBoost() throws {
        #expect(try strict("a^2") == term("a", boost: 2))
    }

    @Test func decimalBoost() throws {
        #expect(try strict("a^1.5 b^0.25") == boolean(should(term("a", boost: 1.5)), should(term("b", boost: 0.25))))
    }

    @Test func phraseBoost() throws {
        #expect(try strict("\"a b\"^1.5") == phrase("a", "b", boost: 1.5))
    }

    @Test func phraseSlopThenBoost() throws {
        #expect(try strict("\"a b\"~3^2") == phrase("a", "b", slop: 3, boost: 2))
    }

    @Test func phraseBoostThenSlop() throws {
        #expect(try strict("\"a b\"^2~3") == phrase("a", "b", slop: 3, boost: 2))
    }

    @Test func groupBoost() throws {
        #expect(try strict("(a b)^3") == boolean(should(term("a")), should(term("b")), boost: 3))
    }

    @Test func boostOnSingleClauseGroupGoesToTheClause() throws {
        #expect(try strict("(a)^3") == term("a", boost: 3))
    }

    @Test func nestedBoostsMultiply() throws {
        #expect(try strict("(a^2)^3") == term("a", boost: 6))
    }

    @Test func fieldedTermBoost() throws {
        #expect(try strict("title:x^2") == term("x", .title, boost: 2))
    }

    @Test func fieldedGroupBoost() throws {
        #expect(try strict("title:(a b)^2") == boolean(should(term("a", .title)), should(term("b", .title)), boost: 2))
    }

    @Test func fieldedPhraseSlopAndBoost() throws {
        #expect(try strict("body:\"a b\"~1^4") == phrase("a", "b", slop: 1, field: .body, boost: 4))
    }

    @Test func prefixBoost() throws {
        #expect(try strict("wor*^2") == prefix("wor", boost: 2))
    }

    @Test func boostWithModifier() throws {
        #expect(try strict("+a^2 -b^3") == boolean(must(term("a", boost: 2)), mustNot(term("b", boost: 3))))
    }

    @Test func boostedExcludedGroup() throws {
        #expect(try strict("(-a)^2") == boolean(mustNot(term("a")), boost: 2))
    }

    @Test func textAfterTheNumberIsANewWord() throws {
        #expect(try strict("a^2b") == boolean(should(term("a", boost: 2)), should(term("b"))))
    }

    @Test func largeSlopAndLeadingZeros() throws {
        #expect(try strict("\"a b\"~0010") == phrase("a", "b", slop: 10))
    }

    @Test(arguments: ["a^", "a^0", "a^0.0", "a^1.", "a^1.2.3", "a^.5", "a^x"])
    func invalidBoostIsIgnoredInLenientMode(text: String) throws {
        let parsed = try lenient(text)
        #expect(parsed == term("a") || parsed == any("a", "x"))
    }

    @Test(arguments: ["\"a b\"~", "\"a b\"~1.5", "\"a b\"~99999999999999999999999"])
    func invalidSlopIsIgnoredInLenientMode(text: String) throws {
        #expect(try lenient(text) == phrase("a", "b"))
    }

    @Test func aTildeAfterAWordMakesItFuzzy() throws {
        #expect(try strict("a~") == .fuzzy(text: "a", maxEdits: nil, field: nil, boost: 1))
        #expect(try strict("compilr~1") == .fuzzy(text: "compilr", maxEdits: 1, field: nil, boost: 1))
        #expect(try strict("title:a~2^3") == .fuzzy(text: "a", maxEdits: 2, field: .title, boost: 3))
        #expect(try strict("a^3~0") == .fuzzy(text: "a", maxEdits: 0, field: nil, boost: 3))
        #expect(try strict("x a~ y").description == "x a~ y")
    }

    @Test func anInvalidFuzzyDistanceIsIgnoredInLenientMode() throws {
        #expect(try lenient("a~3") == term("a"))
        #expect(try lenient("a~2~1") == .fuzzy(text: "a", maxEdits: 2, field: nil, boost: 1))
        #expect(try lenient("a*~1") == prefix("a"))
    }

    @Test func theAutomaticDistanceGrowsWithTheWordsLength() {
        #expect([1, 4, 5, 8, 9, 20].map { FuzzyDistance.automatic(forLength: $0) } == [0, 0, 1, 1, 2, 2])
    }

    @Test func secondBoostIsIgnoredInLenientMode() throws {
        #expect(try lenient("a^2^3") == term("a", boost: 2))
    }
}
