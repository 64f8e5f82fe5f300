import LoupeQuery
import Testing

@Suite("Prefix queries")
struct PrefixTests {
    @Test func trailingStarMakesAPrefix() throws {
        #expect(try strict("wor*") == prefix("wor"))
    }

    @Test func prefixKeepsItsCase() throws {
        #expect(try strict("Wor*") == prefix("Wor"))
    }

    @Test func fieldedPrefix() throws {
        #expect(try strict("title:wor*") == prefix("wor", .title))
    }

    @Test func prefixAmongOtherClauses() throws {
        #expect(try strict("+wor* -x") == boolean(must(prefix("wor")), mustNot(term("x"))))
    }

    @Test func oneCharacterPrefix() throws {
        #expect(try strict("a*") == prefix("a"))
    }

    @Test(arguments: [("*", 1), ("*abc", 1), ("ab*c", 3), ("ab**", 3), ("a*b*", 2), ("x *", 3)])
    func badStarIsAnErrorInStrictMode(text: String, column: Int) {
        #expect(strictError(text) == .invalidSyntax(.invalidWildcard, column: column))
    }

    @Test func badStarIsTextInLenientMode() throws {
        #expect(try lenient("*abc") == term("*abc"))
        #expect(try lenient("ab*c") == term("ab*c"))
        #expect(try lenient("*") == .matchNone)
    }

    @Test func prefixOfPunctuationIsDropped() throws {
        #expect(try strict("a &*") == term("a"))
    }
}
