import LoupeQuery
import Testing

@Suite("Strict mode errors and their columns")
struct StrictErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var problem: SyntaxProblem
        var column: Int
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "a \"b c", problem: .unterminatedQuote, column: 3),
        Case(text: "\"", problem: .unterminatedQuote, column: 1),
        Case(text: "\"a\" \"b", problem: .unterminatedQuote, column: 5),
        Case(text: "a (b c", problem: .unclosedParenthesis, column: 3),
        Case(text: "(a (b) c", problem: .unclosedParenthesis, column: 1),
        Case(text: "(a (b", problem: .unclosedParenthesis, column: 4),
        Case(text: "((((", problem: .unclosedParenthesis, column: 4),
        Case(text: "a b)", problem: .unexpectedClosingParenthesis, column: 4),
        Case(text: "(a)) b", problem: .unexpectedClosingParenthesis, column: 4),
        Case(text: ")", problem: .unexpectedClosingParenthesis, column: 1),
        Case(text: "a ()", problem: .emptyGroup, column: 3),
        Case(text: "a ( )", problem: .emptyGroup, column: 3),
        Case(text: "a \"\"", problem: .emptyPhrase, column: 3),
        Case(text: "a \"  \"", problem: .emptyPhrase, column: 3),
        Case(text: "a AND", problem: .missingOperand("AND"), column: 3),
        Case(text: "OR b", problem: .missingOperand("OR"), column: 1),
        Case(text: "NOT", problem: .missingOperand("NOT"), column: 1),
        Case(text: "a NOT", problem: .missingOperand("NOT"), column: 3),
        Case(text: "a &&", problem: .missingOperand("&&"), column: 3),
        Case(text: "|| b", problem: .missingOperand("||"), column: 1),
        Case(text: "!", problem: .missingOperand("!"), column: 1),
        Case(text: "a OR OR b", problem: .missingOperand("OR"), column: 3),
        Case(text: "a AND OR b", problem: .missingOperand("AND"), column: 3),
        Case(text: "(a AND)", problem: .missingOperand("AND"), column: 4),
        Case(text: "a AND -", problem: .missingOperand("AND"), column: 3),
        Case(text: "a -", problem: .missingOperand("-"), column: 3),
        Case(text: "a - b", problem: .missingOperand("-"), column: 3),
        Case(text: "+", problem: .missingOperand("+"), column: 1),
        Case(text: "(a +)", problem: .missingOperand("+"), column: 4),
        Case(text: "+-a", problem: .repeatedModifier("-"), column: 2),
        Case(text: "NOT -a", problem: .repeatedModifier("-"), column: 5),
        Case(text: "NOT NOT a", problem: .repeatedModifier("NOT"), column: 5),
        Case(text: "title:", problem: .missingFieldValue(.title), column: 1),
        Case(text: "a Body: OR b", problem: .missingFieldValue(.body), column: 3),
        Case(text: "foo:bar", problem: .unknownField("foo"), column: 1),
        Case(text: "a :b", problem: .unknownField(""), column: 3),
        Case(text: "x title*:y", problem: .unknownField("title*"), column: 3),
        Case(text: "x ab*c", problem: .invalidWildcard, column: 5),
        Case(text: "a *b", problem: .invalidWildcard, column: 3),
        Case(text: "a^", problem: .invalidBoost(""), column: 2),
        Case(text: "a^0", problem: .invalidBoost("0"), column: 2),
        Case(text: "a^1.2.3", problem: .invalidBoost("1.2.3"), column: 2),
        Case(text: "\"x\"^-1", problem: .invalidBoost(""), column: 4),
        Case(text: "\"a b\"~", problem: .invalidSlop(""), column: 6),
        Case(text: "\"a b\"~1.5", problem: .invalidSlop("1.5"), column: 6),
        Case(text: "^2 a", problem: .misplacedBoost, column: 1),
        Case(text: "a^2^3", problem: .misplacedBoost, column: 4),
        Case(text: "title:^2 a", problem: .misplacedBoost, column: 7),
        Case(text: "a~3", problem: .invalidEditDistance("3"), column: 2),
        Case(text: "a~1.5", problem: .invalidEditDistance("1.5"), column: 2),
        Case(text: "a~1~2", problem: .misplacedSlop, column: 4),
        Case(text: "a*~1", problem: .misplacedSlop, column: 3),
        Case(text: "(a b)~2", problem: .misplacedSlop, column: 6),
        Case(text: "\"a b\"~1~2", problem: .misplacedSlop, column: 8),
        Case(text: "~ a", problem: .misplacedSlop, column: 1),
        Case(text: "a\\", problem: .danglingEscape, column: 2),
    ]

    @Test(arguments: cases)
    func reportsTheProblemAndItsColumn(_ errorCase: Case) {
        #expect(strictError(errorCase.text) == .invalidSyntax(errorCase.problem, column: errorCase.column))
    }

    @Test func nestingDeeperThanTheLimit() {
        let options = QueryParserOptions(strict: true, maxDepth: 2)
        #expect(strictError("((a))", options) == nil)
        #expect(strictError("a (b ((c)))", options) == .invalidSyntax(.nestingTooDeep(limit: 2), column: 7))
    }

    @Test func columnsCountCharactersNotBytesOrScalars() {
        #expect(strictError("e\u{301}😀 AND") == .invalidSyntax(.missingOperand("AND"), column: 4))
        #expect(strictError("👍🏽 🇫🇷 OR") == .invalidSyntax(.missingOperand("OR"), column: 5))
    }

    @Test func firstProblemInReadingOrderIsReported() {
        #expect(strictError("a AND OR b)") == .invalidSyntax(.missingOperand("AND"), column: 3))
        #expect(strictError("a) OR (b") == .invalidSyntax(.unexpectedClosingParenthesis, column: 2))
    }

    @Test func errorHasMessageAndColumn() throws {
        let error = try #require(strictError("a AND"))
        #expect(error.column == 3)
        #expect(error.message == "'AND' is missing an operand")
        #expect(error.description == "column 3: 'AND' is missing an operand")
    }

    @Test func everyProblemHasAMessage() {
        for errorCase in Self.cases {
            #expect(!errorCase.problem.message.isEmpty)
        }
        #expect(SyntaxProblem.nestingTooDeep(limit: 7).message.contains("7"))
        #expect(SyntaxProblem.unknownField("foo").message.contains("'foo'"))
    }

    @Test func validQueriesDoNotThrowInStrictMode() throws {
        #expect(try strict("+title:(war* \"of the\"~2^1.5) -body:x^2 OR (a AND NOT b) c\\:d") != .matchNone)
    }
}
