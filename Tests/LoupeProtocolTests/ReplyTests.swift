import LoupeProtocol
import Testing

@Suite("Replies")
struct ReplyTests {
    func roundTrip(_ reply: Reply) throws -> Reply {
        var decoder = ReplyDecoder()
        var result: Reply? = nil
        let lines = reply.encoded.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for (i, line) in lines.enumerated() {
            let decoded = try decoder.feed(line)
            #expect((decoded != nil) == (i == lines.count - 1))
            if let decoded { result = decoded }
        }
        return try #require(result)
    }

    @Test func resultsHaveACountedHeaderHitLinesAndEnd() {
        let reply = Reply.results(Reply.Results(total: 42, tookMicroseconds: 17, hits: [
            Reply.Hit(rank: 1, score: 5.5, id: "a.txt", title: "A", snippet: "the cold war", highlights: [4..<8, 9..<12]),
            Reply.Hit(rank: 2, score: 0.1, id: "b\tc", title: "line\nbreak", snippet: ""),
        ]))
        #expect(reply.encoded == "RESULTS 2 total=42 took_us=17\n1\t5.5\ta.txt\tA\tthe \\[cold\\] \\[war\\]\n2\t0.1\tb\\tc\tline\\nbreak\t\nEND\n")
    }

    @Test func everyReplyReadsBack() throws {
        let replies: [Reply] = [
            .hello(Reply.Greeting(maxLineBytes: 65536, authRequired: true, serverVersion: "0.1.0")),
            .results(Reply.Results(total: 3, tookMicroseconds: 9, hits: [
                Reply.Hit(rank: 1, score: 0.30000000000000004, id: "x\\y", title: "t", snippet: "é [ü] \\ x", highlights: [0..<1, 7..<8]),
            ])),
            .results(Reply.Results(total: 0, tookMicroseconds: 1, hits: [])),
            .count(total: 12, tookMicroseconds: 3),
            .explanation(Reply.Explanation(matched: true, score: 1.25, parts: [
                Reply.Explanation.Part(score: 1.25, field: "body", clause: "\"a b\"", numbers: [1, 2, 3, 4, 5, 6, 1.2, 0.75, 1]),
            ])),
            .explanation(Reply.Explanation(matched: false, score: 0, parts: [])),
            .document([Reply.Field("id", "a"), Reply.Field("text", "line one\nline\ttwo")]),
            .info([Reply.Field("docs", "3")]),
            .help(["SEARCH …", "tab\there"]),
            .ok([Reply.Field("added", "2"), Reply.Field("note", "a b")]), .ok([]),
            .pong, .bye,
            .error(ProtocolError(.lineTooLong, "too long")),
        ]
        for reply in replies { #expect(try roundTrip(reply) == reply, "\(reply.encoded)") }
    }

    @Test func scoresKeepEveryBit() throws {
        let score = 0.1 + 0.2
        let hit = Reply.Hit(rank: 1, score: score, id: "a", title: "")
        guard case .results(let r) = try roundTrip(.results(Reply.Results(total: 1, tookMicroseconds: 0, hits: [hit]))) else {
            Issue.record("not results")
            return
        }
        #expect(r.hits[0].score.bitPattern == score.bitPattern)
    }

    @Test func unknownErrorCodesAreServerErrors() throws {
        #expect(try roundTrip(.error(ProtocolError(.notFound, "x"))) == .error(ProtocolError(.notFound, "x")))
        var decoder = ReplyDecoder()
        guard case .error(let error) = try decoder.feed("ERR SOMETHING_NEW later") else {
            Issue.record("not an error")
            return
        }
        #expect(error.code.name == "SOMETHING_NEW" && !error.code.isClientError && error.message == "later")
        #expect(ProtocolError.Code.lineTooLong.isClientError && !ProtocolError.Code.busy.isClientError)
        #expect(ProtocolError.Code(name: "READ_ONLY") == .readOnly && ProtocolError.Code.readOnly.isClientError)
        #expect(Command.allCases.filter(\.isIdempotent) == [.search, .count, .suggest, .explain, .get, .info, .ping, .help])
    }

    @Test func malformedRepliesAreRejected() {
        for lines in [["WHAT"], ["RESULTS x"], ["RESULTS 1 total=1 took_us=1", "nonsense", "END"], ["HELP 0", "MORE"]] {
            var decoder = ReplyDecoder()
            #expect(throws: ReplyDecodingError.self) { for line in lines { _ = try decoder.feed(line[...]) } }
        }
    }
}
