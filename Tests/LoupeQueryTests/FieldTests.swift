import LoupeQuery
import Testing

@Suite("Fields")
struct FieldTests {
    @Test(arguments: Field.allCases)
    func fieldOnTerm(field: Field) throws {
        #expect(try strict("\(field.rawValue):word") == term("word", field))
    }

    @Test func fieldNamesIgnoreCase() throws {
        #expect(try strict("TITLE:a Body:b pAtH:c") == boolean(
            should(term("a", .title)), should(term("b", .body)), should(term("c", .path))
        ))
    }

    @Test func fieldOnPhrase() throws {
        #expect(try strict("body:\"a phrase\"") == phrase("a", "phrase", field: .body))
    }

    @Test func fieldOnGroupAppliesToEveryClauseInside() throws {
        #expect(try strict("title:(a \"b c\" d*)") == boolean(
            should(term("a", .title)), should(phrase("b", "c", field: .title)), should(prefix("d", .title))
        ))
    }

    @Test func fieldOnNestedGroupsReachesTheLeaves() throws {
        #expect(try strict("title:(a AND (b OR c))") == boolean(
            must(term("a", .title)),
            must(boolean(should(term("b", .title)), should(term("c", .title))))
        ))
    }

    @Test func innerFieldWinsInsideAFieldedGroup() throws {
        #expect(try strict("title:(a body:b)") == boolean(should(term("a", .title)), should(term("b", .body))))
    }

    @Test func fieldAppliesOnlyToTheNextClause() throws {
        #expect(try strict("title:a b") == boolean(should(term("a", .title)), should(term("b"))))
    }

    @Test func spaceMayFollowTheColon() throws {
        #expect(try strict("title: a") == term("a", .title))
    }

    @Test func pathValuesKeepTheirPunctuation() throws {
        #expect(try strict("path:docs/guide.md") == term("docs/guide.md", .path))
    }

    @Test func colonInAFieldValueIsLikeAnyOtherColon() throws {
        #expect(try lenient("title:10:30") == term("10:30", .title))
        #expect(strictError("title:10:30") == .invalidSyntax(.unknownField("10"), column: 7))
        #expect(try strict("title:10\\:30") == term("10:30", .title))
    }

    @Test func unknownFieldIsTextInLenientMode() throws {
        #expect(try lenient("foo:bar") == term("foo:bar"))
        #expect(try lenient("http://example.com/x") == term("http://example.com/x"))
    }

    @Test func unknownFieldIsAnErrorInStrictMode() {
        #expect(strictError("a foo:bar") == .invalidSyntax(.unknownField("foo"), column: 3))
    }

    @Test func escapedColonIsNotAField() throws {
        #expect(try strict("title\\:a") == term("title:a"))
        #expect(try strict("foo\\:bar") == term("foo:bar"))
    }

    @Test func fieldWithoutValueIsTextInLenientMode() throws {
        #expect(try lenient("title:") == term("title:"))
        #expect(try lenient("a title: OR b") == boolean(should(term("a")), should(term("title:")), should(term("b"))))
    }

    @Test func fieldCannotDirectlyTakeAnotherField() throws {
        #expect(strictError("title:body:x") == .invalidSyntax(.missingFieldValue(.title), column: 1))
        #expect(try lenient("title:body:x") == boolean(should(term("title:")), should(term("x", .body))))
    }

    @Test func fieldWithPrefixesAroundIt() throws {
        #expect(try strict("-title:a") == boolean(mustNot(term("a", .title))))
        #expect(strictError("title:-a") == .invalidSyntax(.missingFieldValue(.title), column: 1))
    }
}
