import LoupeQuery
import Testing

@Suite("Lenient mode recovers from anything")
struct LenientRecoveryTests {
    /// Inputs a user might type and what lenient mode reads them as (canonical description).
    static let nastyInputs: [(String, String)] = [
        (
            "what similarity laws must be obeyed when constructing aeroelastic models of heated high speed aircraft .",
            "what similarity laws must be obeyed when constructing aeroelastic models of heated high speed aircraft"
        ),
        ("(ab AND", "ab"),
        ("a) b", "a b"),
        ("*aero", "\\*aero"),
        ("a~2", "a~2"),
        ("a~7", "a"),
        ("NOT NOT a", "-a"),
        ("foo:bar", "foo\\:bar"),
        ("c++ \"unterminated", "c++ unterminated"),
        ("\"", ""),
        ("\"\"", ""),
        ("((((", ""),
        ("))))", ""),
        ("(((a", "a"),
        ("a)))", "a"),
        ("(a))(b", "a b"),
        ("()", ""),
        ("a^", "a"),
        ("a~", "a~"),
        ("a^^~~", "a~"),
        ("^~^~", ""),
        ("title:", "title\\:"),
        ("title:(", ""),
        (":", ""),
        ("::a", "\\:\\:a"),
        ("*", ""),
        ("**a*", "\\*\\*a\\*"),
        ("-", ""),
        ("+", ""),
        ("- -", ""),
        ("a - b", "a b"),
        ("+-a", "-a"),
        ("!!!a", "-a"),
        ("-(a", "-a"),
        ("AND", ""),
        ("OR OR OR", ""),
        ("NOT NOT", ""),
        ("NOT )", ""),
        ("&& || !", ""),
        ("a AND", "a"),
        ("OR b", "b"),
        ("a OR OR b", "a b"),
        ("a AND OR b", "a b"),
        ("a NOT", "a"),
        ("\"a b", "a b"),
        ("a \"b c\" \"d", "a \"b c\" d"),
        ("\"\" a", "a"),
        ("a^2^3~4", "a^2"),
        ("foo:\"bar baz\"", "foo\\: \"bar baz\""),
        ("a:b:c", "a\\:b\\:c"),
        ("[a TO b]", "[a TO b]"),
        ("{!}", ""),
        ("\\", ""),
        ("😀", ""),
        ("😀 cats 👍🏽", "cats"),
        ("nai\u{308}ve cafe\u{301}", "nai\u{308}ve cafe\u{301}"),
        ("\"\u{301}abc", "\"\u{301}abc"),
        ("a\t\tb\n\nc\r\n", "a b c"),
        ("..., !!! ???", ""),
        ("\u{301}abc \u{301}", "abc"),
        ("a \u{301}b", "a b"),
        ("a\n\u{301}\u{200D}\u{1F3FD}b", "a b"),
    ]

    @Test(arguments: nastyInputs)
    func readsNastyInputAsItsWords(text: String, expected: String) throws {
        #expect(try lenient(text).description == expected)
    }

    @Test(arguments: nastyInputs.map(\.0))
    func nastyInputNeverFailsWithDefaultAnd(text: String) throws {
        _ = try lenient(text, .and)
    }

    @Test(arguments: StrictErrorTests.cases)
    func acceptsEveryInputStrictModeRejects(_ errorCase: StrictErrorTests.Case) throws {
        _ = try lenient(errorCase.text)
    }

    @Test func operatorAsTextInGroupRecoversInsideTheGroup() throws {
        #expect(try lenient("x AND (a OR)") == boolean(must(term("x")), must(term("a"))))
    }

    @Test func unclosedGroupClosesAtTheEnd() throws {
        #expect(try lenient("x AND (a OR b") == boolean(must(term("x")), must(any("a", "b"))))
    }

    @Test func nestingPastTheLimitIsFlattened() throws {
        let parser = QueryParser(QueryParserOptions(maxDepth: 1))
        #expect(try parser.parse("x (a ((b c)) d)") == boolean(should(term("x")), should(any("a", "b", "c", "d"))))
    }

    @Test func hugeNestingIsBounded() throws {
        let deep = String(repeating: "(", count: 50_000) + "a b" + String(repeating: ")", count: 50_000)
        #expect(try lenient(deep) == any("a", "b"))
        #expect(try lenient(String(repeating: "(", count: 100_000)) == .matchNone)
        #expect(try lenient(String(repeating: ")", count: 100_000)) == .matchNone)
    }

    @Test func hugeInputsOfOneKind() throws {
        #expect(try lenient(String(repeating: "x", count: 100_000)) == term(String(repeating: "x", count: 100_000)))
        #expect(try lenient(String(repeating: "\"", count: 100_001)) == .matchNone)
        #expect(try lenient(String(repeating: "NOT ", count: 25_000) + "a") == boolean(mustNot(term("a"))))
        #expect(try lenient(String(repeating: "-", count: 100_000) + "a") == boolean(mustNot(term("a"))))
        #expect(try lenient(String(repeating: "AND ", count: 25_000)) == .matchNone)
        #expect(try lenient(String(repeating: "^~*:!+-&|\\", count: 10_000)) == .matchNone)
    }

    @Test func hugeInputOfWordsHitsTheClauseLimitNotASyntaxError() throws {
        let words = String(repeating: "word ", count: 20_000)
        #expect(throws: QuerySyntaxError.tooManyClauses(limit: 1024)) { try lenient(words) }
        let roomy = QueryParser(QueryParserOptions(maxClauses: 20_000))
        guard case .boolean(let clauses, _) = try roomy.parse(words) else {
            Issue.record("expected a boolean")
            return
        }
        #expect(clauses.count == 20_000)
    }
}
