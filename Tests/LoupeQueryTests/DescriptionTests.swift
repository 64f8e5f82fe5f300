import LoupeQuery
import Testing

@Suite("Canonical description")
struct DescriptionTests {
    @Test(arguments: [
        ("a", "a"),
        ("a b", "a b"),
        ("a AND b", "+a +b"),
        ("a OR b AND c", "a (+b +c)"),
        ("+a b -c", "+a b -c"),
        ("NOT a", "-a"),
        ("title:a", "title:a"),
        ("TITLE:(a b)", "title:a title:b"),
        ("body:\"a b\"~2^1.5", "body:\"a b\"~2^1.5"),
        ("wor*^3", "wor*^3"),
        ("(a b)^2", "(a b)^2"),
        ("x (a b)^2", "x (a b)^2"),
        ("a^0.00001", "a^0.00001"),
        ("a^100000000000000000000", "a^100000000000000000000"),
        ("a^1.0", "a"),
        ("", ""),
        ("title:(heat* \"high speed\") AND NOT draft", "+(title:heat* title:\"high speed\") -draft"),
    ])
    func printsCanonicalSyntax(text: String, expected: String) throws {
        #expect(try strict(text).description == expected)
    }

    @Test func escapesWhatWouldReadAsSyntax() {
        #expect(term("a:b").description == "a\\:b")
        #expect(term("+a").description == "\\+a")
        #expect(term("-a-b").description == "\\-a-b")
        #expect(term("!a").description == "\\!a")
        #expect(term("a b").description == "a\\ b")
        #expect(term("(a)").description == "\\(a\\)")
        #expect(term("a*").description == "a\\*")
        #expect(term("a^2~").description == "a\\^2\\~")
        #expect(term("a\\").description == "a\\\\")
        #expect(term("\"a").description == "\\\"a")
        #expect(term("AND").description == "\\AND")
        #expect(term("||").description == "\\||")
        #expect(prefix("a\\").description == "a\\\\*")
        #expect(phrase("say", "\"hi\"", "a b").description == #""say \"hi\" a\ b""#)
    }

    @Test func leavesTheirOwnPunctuationAlone() {
        #expect(term("c++").description == "c++")
        #expect(term("don't").description == "don't")
        #expect(term("e-mail").description == "e-mail")
    }

    @Test func booleanBoostsAndNesting() {
        let node = boolean(must(boolean(should(term("a")), should(term("b")), boost: 2)), mustNot(phrase("c", "d")))
        #expect(node.description == "+(a b)^2 -\"c d\"")
    }

    @Test func productBoostsPrintTheirShortestExactForm() throws {
        #expect(try strict("(a^1.1)^3").description == "a^3.3000000000000003")
        #expect(try strict("a^3.3000000000000003") == strict("(a^1.1)^3"))
    }

    @Test(arguments: [
        "a b", "+a b -c", "a OR b AND c", "title:(a body:\"b c\"~3) -path:x*", "(a (b (c d)^2))^3",
        "\\+a \\AND c\\:d e\\*", "\"a\\\"b\" x", "NOT (a OR b)", "a^0.001 b^12345.5", "+(-a)",
        "compilr~ title:x~1^2 -y~0",
    ])
    func descriptionReadsBackAsTheSameTree(text: String) throws {
        let parsed = try strict(text)
        #expect(try strict(parsed.description) == parsed)
    }
}
