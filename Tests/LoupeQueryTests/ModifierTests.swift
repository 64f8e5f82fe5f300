import LoupeQuery
import Testing

@Suite("Required and excluded prefixes")
struct ModifierTests {
    @Test func requiredShouldExcludedMix() throws {
        #expect(try strict("+a b -c") == boolean(must(term("a")), should(term("b")), mustNot(term("c"))))
    }

    @Test func prefixesWinOverTheDefaultAnd() throws {
        #expect(try strict("+a b -c", .and) == boolean(must(term("a")), must(term("b")), mustNot(term("c"))))
    }

    @Test func lonePlusStaysABooleanWithOneRequiredClause() throws {
        #expect(try strict("+a") == boolean(must(term("a"))))
    }

    @Test func loneMinusIsPurelyNegative() throws {
        #expect(try strict("-a") == boolean(mustNot(term("a"))))
    }

    @Test func prefixOnPhrase() throws {
        #expect(try strict("-\"a b\" c") == boolean(mustNot(phrase("a", "b")), should(term("c"))))
    }

    @Test func prefixOnGroup() throws {
        #expect(try strict("+(a b) -(c d)") == boolean(must(any("a", "b")), mustNot(any("c", "d"))))
    }

    @Test func prefixOnFieldedClause() throws {
        #expect(try strict("+title:a -body:b") == boolean(must(term("a", .title)), mustNot(term("b", .body))))
    }

    @Test func prefixInsideAGroupStaysInTheGroup() throws {
        #expect(try strict("x (-a)") == boolean(should(term("x")), should(boolean(mustNot(term("a"))))))
    }

    @Test func minusInsideAWordIsText() throws {
        #expect(try strict("e-mail") == term("e-mail"))
    }

    @Test func prefixBeforeANumber() throws {
        #expect(try strict("a -5") == boolean(should(term("a")), mustNot(term("5"))))
    }
}
