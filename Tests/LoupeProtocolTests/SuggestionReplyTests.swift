import LoupeProtocol
import Testing

/// The optional `suggestion=` attribute of a `RESULTS` head ("did you mean").
@Suite("RESULTS suggestion")
struct SuggestionReplyTests {
    func decode(_ lines: [String]) throws -> Reply? {
        var decoder = ReplyDecoder()
        var reply: Reply?
        for line in lines { reply = try decoder.feed(line[...]) }
        return reply
    }

    @Test func theSuggestionIsAnEscapedHeadAttributeOnlyWhenThereIsOne() throws {
        let with = Reply.results(Reply.Results(total: 0, tookMicroseconds: 5, hits: [], suggestion: "compiler loop"))
        #expect(with.encoded == "RESULTS 0 total=0 took_us=5 suggestion=compiler\\sloop\nEND\n")
        let without = Reply.results(Reply.Results(total: 0, tookMicroseconds: 5, hits: []))
        #expect(without.encoded == "RESULTS 0 total=0 took_us=5\nEND\n")
    }

    @Test func everySuggestionReadsBack() throws {
        for text in ["compiler", "cold war", "a=b c", "tab\there \\ back\\slash", "line\nbreak", "é ü \\s", "x  y"] {
            let reply = Reply.results(Reply.Results(
                total: 1, tookMicroseconds: 3,
                hits: [Reply.Hit(rank: 1, score: 1.5, id: "a", title: "t", snippet: "s", highlights: [0..<1])], suggestion: text))
            let lines = reply.encoded.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            #expect(lines.count == 3, "\(lines)")
            #expect(try decode(lines) == reply, "\(text)")
        }
    }

    /// A client reads heads by name, so an attribute it does not know (as `suggestion=` is to a
    /// client older than it) changes nothing, and a head without one has no suggestion.
    @Test func clientsSkipAttributesTheyDoNotKnow() throws {
        let reply = try decode(["RESULTS 1 total=4 took_us=9 later=x\\sy suggestion=war", "1\t2.0\tid\ttitle\t", "END"])
        guard case .results(let results) = reply else {
            Issue.record("not results: \(String(describing: reply))")
            return
        }
        #expect(results.total == 4 && results.tookMicroseconds == 9 && results.hits.count == 1 && results.suggestion == "war")
        guard case .results(let plain) = try decode(["RESULTS 0 total=0 took_us=1", "END"]) else {
            Issue.record("not results")
            return
        }
        #expect(plain.suggestion == nil)
    }
}
