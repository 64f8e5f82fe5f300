import LoupeQuery
import Testing

@Suite("AND, OR, NOT and their symbols")
struct OperatorTests {
    @Test func orChainIsOneBoolean() throws {
        #expect(try strict("a OR b OR c") == any("a", "b", "c"))
    }

    @Test func andChainIsOneBoolean() throws {
        #expect(try strict("a AND b AND c") == all("a", "b", "c"))
    }

    @Test func symbolsAreSynonyms() throws {
        #expect(try strict("a && b") == all("a", "b"))
        #expect(try strict("a || b") == any("a", "b"))
        #expect(try strict("a && !b") == boolean(must(term("a")), mustNot(term("b"))))
    }

    @Test func andNot() throws {
        #expect(try strict("a AND NOT b") == boolean(must(term("a")), mustNot(term("b"))))
    }

    @Test func notBetweenTermsMeansAndNot() throws {
        #expect(try strict("a NOT b") == boolean(must(term("a")), mustNot(term("b"))))
        #expect(try strict("a !b") == boolean(must(term("a")), mustNot(term("b"))))
        #expect(try strict("a ! b") == boolean(must(term("a")), mustNot(term("b"))))
    }

    @Test func notAloneIsPurelyNegative() throws {
        #expect(try strict("NOT a") == boolean(mustNot(term("a"))))
        #expect(try strict("!a") == boolean(mustNot(term("a"))))
    }

    @Test func orNot() throws {
        #expect(try strict("a OR NOT b") == boolean(should(term("a")), mustNot(term("b"))))
    }

    @Test func operatorsBeforeParentheses() throws {
        #expect(try strict("NOT(a)") == boolean(mustNot(term("a"))))
        #expect(try strict("a AND(b)") == all("a", "b"))
    }

    @Test func prefixesCombineWithOr() throws {
        #expect(try strict("+a OR b") == boolean(must(term("a")), should(term("b"))))
    }

    @Test func excludedOperandOfAnd() throws {
        #expect(try strict("a AND -b") == boolean(must(term("a")), mustNot(term("b"))))
    }

    @Test func operandWithoutSearchableTextIsLeftOut() throws {
        #expect(try strict("a AND & AND b") == all("a", "b"))
    }
}
