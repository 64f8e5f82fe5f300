import LoupeQuery
import Testing

@Suite("Resource limits: maxClauses and maxDepth")
struct ResourceLimitTests {
    @Test(arguments: [false, true])
    func clauseLimitIsInclusive(strictMode: Bool) throws {
        let parser = QueryParser(QueryParserOptions(strict: strictMode, maxClauses: 3))
        #expect(try parser.parse("a b c") == any("a", "b", "c"))
        #expect(throws: QuerySyntaxError.tooManyClauses(limit: 3)) { try parser.parse("a b c d") }
    }

    @Test func termsPrefixesPhrasesAndFieldTextAllCount() throws {
        let parser = QueryParser(QueryParserOptions(maxClauses: 3))
        #expect(throws: QuerySyntaxError.tooManyClauses(limit: 3)) { try parser.parse("a* \"b c\" title:(d) e") }
        #expect(throws: QuerySyntaxError.tooManyClauses(limit: 3)) { try parser.parse("a b c title:") }
    }

    @Test func droppedWordsDoNotCount() throws {
        let parser = QueryParser(QueryParserOptions(maxClauses: 1))
        #expect(try parser.parse("... a & \"!!\"") == term("a"))
    }

    @Test func clauseLimitErrorHasNoColumn() {
        let error = QuerySyntaxError.tooManyClauses(limit: 1024)
        #expect(error.column == nil)
        #expect(error.message.contains("1024"))
        #expect(error.description == error.message)
    }

    @Test func defaultDepthAllowsThirtyTwoNestedGroups() throws {
        let text = String(repeating: "(a ", count: 32) + "z" + String(repeating: ")", count: 32)
        #expect(try strict(text).description == String(text.dropFirst().dropLast()))
        #expect(strictError("(" + text + ")") == .invalidSyntax(.nestingTooDeep(limit: 32), column: 95))
    }

    @Test func depthLimitIsConfigurable() throws {
        let deep = String(repeating: "(a ", count: 100) + "z" + String(repeating: ")", count: 100)
        let parser = QueryParser(QueryParserOptions(strict: true, maxDepth: 100))
        #expect(try parser.parse(deep).description == String(deep.dropFirst().dropLast()))
    }
}
