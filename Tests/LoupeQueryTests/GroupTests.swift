import LoupeQuery
import Testing

@Suite("Parentheses")
struct GroupTests {
    @Test func groupBecomesANestedBoolean() throws {
        #expect(try strict("a (b c)") == boolean(should(term("a")), should(any("b", "c"))))
    }

    @Test func singleClauseGroupCollapses() throws {
        #expect(try strict("(a)") == term("a"))
        #expect(try strict("((((a))))") == term("a"))
    }

    @Test func nestedGroups() throws {
        #expect(try strict("a AND (b OR (c AND (d OR e)))") == boolean(
            must(term("a")),
            must(boolean(should(term("b")), should(boolean(must(term("c")), must(any("d", "e"))))))
        ))
    }

    @Test func groupsAreNotFlattened() throws {
        #expect(try strict("(a OR b) OR c") == boolean(should(any("a", "b")), should(term("c"))))
    }

    @Test func groupWithPrefixesInside() throws {
        #expect(try strict("(+a -b)") == boolean(must(term("a")), mustNot(term("b"))))
    }

    @Test func defaultOperatorAppliesInsideGroups() throws {
        #expect(try strict("x (a b)", .and) == boolean(must(term("x")), must(all("a", "b"))))
    }

    @Test func parenthesesEndWords() throws {
        #expect(try strict("f(x)") == any("f", "x"))
    }

    @Test func groupWithNothingSearchableIsLeftOut() throws {
        #expect(try strict("a (&)") == term("a"))
    }
}
