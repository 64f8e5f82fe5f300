import LoupeProtocol
import Testing

/// `SUGGEST` and its `COMPLETIONS` reply.
@Suite("SUGGEST")
struct SuggestProtocolTests {
    func parse(_ line: String) throws(ProtocolError) -> Request { try RequestParser().parse(line[...]) }

    @Test func suggestTakesALimitThenTheRestOfTheLine() throws {
        #expect(try parse("SUGGEST cold wa") == .suggest(SuggestRequest(text: "cold wa")))
        #expect(try parse("suggest limit=3 cold wa") == .suggest(SuggestRequest(text: "cold wa", limit: 3)))
        #expect(try parse("SUGGEST -- limit=3") == .suggest(SuggestRequest(text: "limit=3")))
        #expect(try parse("SUGGEST op=and wa") == .suggest(SuggestRequest(text: "op=and wa")), "SUGGEST has no op option")
        for request in [SuggestRequest(text: "cold wa", limit: 5), SuggestRequest(text: "limit=2 x"), SuggestRequest(text: "a\tb")] {
            #expect(try parse(Request.suggest(request).line) == .suggest(request))
        }
        #expect(Command.suggest.isIdempotent && !Command.suggest.isOpen)
    }

    @Test func missingTextAndBadLimitsAreBadArguments() {
        for line in ["SUGGEST", "SUGGEST   ", "SUGGEST limit=3", "SUGGEST limit=x wa", "SUGGEST limit=-1 wa", "SUGGEST limit=1 limit=2 wa"] {
            #expect(throws: ProtocolError.self, "\(line)") { _ = try parse(line) }
            do {
                _ = try parse(line)
            } catch {
                #expect(error.code == .badArgument && error.message.contains("usage: SUGGEST [limit=N] [--] <text>"), "\(line): \(error.message)")
            }
        }
    }

    @Test func completionsAreACountedBlockThatReadsBack() throws {
        let reply = Reply.completions(Reply.Completions(tookMicroseconds: 42, items: [
            .init(word: "war", text: "cold war", docs: 3, together: 2),
            .init(word: "wé\tx", text: "a\\b wé\tx", docs: 1, together: nil),
        ]))
        #expect(reply.encoded == "COMPLETIONS 2 took_us=42\nwar\tcold war\t3\t2\nwé\\tx\ta\\\\b wé\\tx\t1\t\nEND\n")
        var decoder = ReplyDecoder()
        var decoded: Reply?
        for line in reply.encoded.split(separator: "\n") { decoded = try decoder.feed(line) }
        #expect(decoded == reply)
        var empty = ReplyDecoder()
        _ = try empty.feed("COMPLETIONS 0 took_us=1")
        #expect(try empty.feed("END") == .completions(Reply.Completions(tookMicroseconds: 1, items: [])))
        for bad in ["war\tcold war\tx\t", "war\tcold war\t3", "war\tcold war\t3\tmany"] {
            var decoder = ReplyDecoder()
            _ = try decoder.feed("COMPLETIONS 1 took_us=1")
            _ = try decoder.feed(bad[...])
            #expect(throws: ReplyDecodingError.self) { _ = try decoder.feed("END") }
        }
    }
}
