import LoupeQuery
import Testing

@Suite("Backslash escapes")
struct EscapeTests {
    @Test(arguments: [
        ("\\:", ":a"), ("\\\"", "\"a"), ("\\(", "(a"), ("\\)", ")a"), ("\\*", "*a"), ("\\+", "+a"),
        ("\\-", "-a"), ("\\\\", "\\a"), ("\\^", "^a"), ("\\~", "~a"), ("\\!", "!a"), ("\\ ", " a"),
    ])
    func escapedSpecialCharacterIsText(escape: String, text: String) throws {
        #expect(try strict(escape + "a") == term(text))
    }

    @Test func escapesInsideAWord() throws {
        #expect(try strict("a\\(b\\)") == term("a(b)"))
        #expect(try strict("a\\ b") == term("a b"))
    }

    @Test func escapedOperatorIsAWord() throws {
        #expect(try strict("a \\AND b") == any("a", "AND", "b"))
        #expect(try strict("\\NOT") == term("NOT"))
    }

    @Test func escapedTrailingStarIsNotAPrefix() throws {
        #expect(try strict("a\\*") == term("a*"))
    }

    @Test func escapeOfAnOrdinaryCharacterIsThatCharacter() throws {
        #expect(try strict("\\a\\b") == term("ab"))
    }

    @Test func escapeInsidePhrase() throws {
        #expect(try strict(#""a\\b \"c\"""#) == phrase("a\\b", "\"c\""))
    }

    @Test func danglingEscape() throws {
        #expect(strictError("a\\") == .invalidSyntax(.danglingEscape, column: 2))
        #expect(try lenient("a\\") == term("a\\"))
    }
}
