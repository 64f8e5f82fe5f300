import LoupeQuery
import Testing

@Suite("Precedence: NOT, then AND, then OR")
struct PrecedenceTests {
    @Test(arguments: [DefaultOperator.or, .and])
    func andBindsTighterThanOrOnTheRight(defaultOperator: DefaultOperator) throws {
        #expect(try strict("a OR b AND c", defaultOperator) == boolean(should(term("a")), should(all("b", "c"))))
    }

    @Test(arguments: [DefaultOperator.or, .and])
    func andBindsTighterThanOrOnTheLeft(defaultOperator: DefaultOperator) throws {
        #expect(try strict("a AND b OR c", defaultOperator) == boolean(should(all("a", "b")), should(term("c"))))
    }

    @Test(arguments: [DefaultOperator.or, .and])
    func notBindsTighterThanAnd(defaultOperator: DefaultOperator) throws {
        #expect(try strict("NOT a AND b", defaultOperator) == boolean(mustNot(term("a")), must(term("b"))))
    }

    @Test func adjacencyIsAtOrLevelWhenDefaultIsOr() throws {
        #expect(try strict("a b AND c") == boolean(should(term("a")), should(all("b", "c"))))
    }

    @Test func adjacencyIsAndWhenDefaultIsAnd() throws {
        #expect(try strict("a b AND c", .and) == all("a", "b", "c"))
    }

    @Test func adjacencyAfterOrWhenDefaultIsAnd() throws {
        #expect(try strict("a b OR c d", .and) == boolean(should(all("a", "b")), should(all("c", "d"))))
    }

    @Test func notBetweenTermsBindsBeforeAdjacency() throws {
        #expect(try strict("a NOT b c") == boolean(
            should(boolean(must(term("a")), mustNot(term("b")))),
            should(term("c"))
        ))
    }

    @Test func mixedChain() throws {
        #expect(try strict("a AND b OR c AND d OR e") == boolean(
            should(all("a", "b")), should(all("c", "d")), should(term("e"))
        ))
    }

    @Test func parenthesesOverridePrecedence() throws {
        #expect(try strict("(a OR b) AND c") == boolean(must(any("a", "b")), must(term("c"))))
    }
}
