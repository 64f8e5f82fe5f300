import LoupeProtocol
import LoupeTestSupport
import NIOCore
import Testing

/// The buffer encoder (what the daemon writes) against the decoder (what the client reads).
@Suite("Reply buffer encoding")
struct ReplyBufferEncodingTests {
    /// The decoder's reading of `buffer`, line by line; nil (and an issue) unless the last line
    /// completes exactly one reply.
    func decode(_ buffer: ByteBuffer) throws -> Reply? {
        let text = String(buffer: buffer)
        guard text.hasSuffix("\n") else {
            Issue.record("the encoding does not end in a newline: \(text.debugDescription)")
            return nil
        }
        var decoder = ReplyDecoder()
        var result: Reply? = nil
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() {
            #expect(!line.contains("\r") && !line.unicodeScalars.contains("\r"))
            let decoded = try decoder.feed(line)
            #expect((decoded != nil) == (i == lines.count - 1), "line \(i) of \(text.debugDescription)")
            if let decoded { result = decoded }
        }
        return result
    }

    @Test func randomRepliesReadBackAsTheyWere() throws {
        for seed in UInt64(1)...400 {
            var random = SeededGenerator(seed: seed)
            let reply = Self.randomReply(&random)
            var buffer = ByteBufferAllocator().buffer(capacity: 0)
            buffer.writeStaticString("")  // an empty start, as a fresh outbound buffer
            reply.encode(into: &buffer)
            #expect(try decode(buffer) == reply, "seed \(seed): \(String(buffer: buffer).debugDescription)")
        }
    }

    @Test func repliesAppendToWhatTheBufferHolds() throws {
        var buffer = ByteBufferAllocator().buffer(capacity: 4)
        Reply.pong.encode(into: &buffer)
        let hit = Reply.Hit(rank: 1, score: 2.5, id: "a b", title: "\\[not a mark]", snippet: "x\ty", highlights: [2..<3])
        Reply.results(Reply.Results(total: 1, tookMicroseconds: 3, hits: [hit])).encode(into: &buffer)
        #expect(String(buffer: buffer) == "PONG\nRESULTS 1 total=1 took_us=3\n1\t2.5\ta b\t\\\\[not a mark]\tx\\t\\[y\\]\nEND\n")
    }

    @Test(arguments: [
        // text, highlights, wire form
        ("\\[x\\]", [1..<2], "\\\\\\[[\\]x\\\\]"),
        ("a\tb\nc", [0..<5], "\\[a\\tb\\nc\\]"),
        ("é😀\r", [1..<2, 2..<3], "é\\[😀\\]\\[\\r\\]"),
        ("e\u{301}x", [1..<2], "e\\[\u{301}\\]x"),
        ("ab", [1..<5], "a\\[b\\]"),
        ("abc", [1..<1, 0..<2, 1..<3], "a\\[bc\\]"),  // an empty span and one out of order are dropped
        ("", [0..<1], ""),
    ])
    func awkwardSnippets(_ text: String, _ highlights: [Range<Int>], _ wire: String) {
        var buffer = ByteBufferAllocator().buffer(capacity: 0)
        FieldEscaping.writeSnippet(text, highlights: highlights, into: &buffer)
        #expect(String(buffer: buffer) == wire)
        let back = FieldEscaping.unescapeSnippet(wire[...])
        #expect(back.text == text)
    }

    // MARK: - Random replies

    /// Scalars that need escaping, look like escapes or marks, or take several bytes.
    static let alphabet: [String] = [
        "a", "Z", "0", " ", "  ", "\t", "\n", "\r", "\r\n", "\\", "\\[", "\\]", "[", "]", "s", "t", "n", "=", "é", "e\u{301}", "\u{301}",
        "😀", "中", "\u{0}", "\u{7F}", "\u{FEFF}", "END", "RESULTS 1",
    ]

    static func text(_ random: inout SeededGenerator, max: Int = 12) -> String {
        (0..<Int.random(in: 0...max, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
    }

    static func word(_ random: inout SeededGenerator) -> String {
        let letters = Array("abcdefghij_0123456789")
        return String((0..<Int.random(in: 1...8, using: &random)).map { _ in letters.randomElement(using: &random)! })
    }

    static func number(_ random: inout SeededGenerator) -> Double {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return Double(Int.random(in: -1000...1000, using: &random))
        case 1: return Double.random(in: 0..<30, using: &random)
        case 2: return Double.random(in: -1e-300...1e-300, using: &random)
        default:
            while true {
                let x = Double(bitPattern: random.next())
                if x.isFinite { return x }
            }
        }
    }

    /// Sorted, non-empty, non-overlapping code-point ranges of `text`.
    static func highlights(_ text: String, _ random: inout SeededGenerator) -> [Range<Int>] {
        let count = text.unicodeScalars.count
        var ranges: [Range<Int>] = []
        var at = 0
        while at < count, Bool.random(using: &random) {
            let start = Int.random(in: at..<count, using: &random)
            let end = Int.random(in: (start + 1)...count, using: &random)
            ranges.append(start..<end)
            at = end
        }
        return ranges
    }

    static func randomReply(_ random: inout SeededGenerator) -> Reply {
        func fields() -> [Reply.Field] {
            (0..<Int.random(in: 0...4, using: &random)).map { _ in Reply.Field(text(&random), text(&random, max: 30)) }
        }
        switch Int.random(in: 0..<10, using: &random) {
        case 0:
            return .hello(Reply.Greeting(
                protocolVersion: Int.random(in: 1...9, using: &random), maxLineBytes: Int.random(in: 1...1 << 20, using: &random),
                authRequired: Bool.random(using: &random), serverVersion: text(&random)))
        case 1, 2, 3:
            let hits = (0..<Int.random(in: 0...6, using: &random)).map { rank -> Reply.Hit in
                let snippet = text(&random, max: 40)
                return Reply.Hit(
                    rank: rank + 1, score: number(&random), id: text(&random), title: text(&random), snippet: snippet,
                    highlights: highlights(snippet, &random))
            }
            return .results(Reply.Results(
                total: Int.random(in: 0...1 << 40, using: &random), tookMicroseconds: Int.random(in: 0...1 << 30, using: &random), hits: hits))
        case 4: return .count(total: Int.random(in: 0...Int.max, using: &random), tookMicroseconds: Int.random(in: 0...9999, using: &random))
        case 5:
            let parts = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                Reply.Explanation.Part(
                    score: number(&random), field: text(&random), clause: text(&random), numbers: (0..<9).map { _ in number(&random) })
            }
            return .explanation(Reply.Explanation(matched: !parts.isEmpty, score: number(&random), parts: parts))
        case 6: return Bool.random(using: &random) ? .document(fields()) : .info(fields())
        case 7: return .help((0..<Int.random(in: 0...4, using: &random)).map { _ in text(&random) })
        case 8:
            return .ok((0..<Int.random(in: 0...3, using: &random)).map { _ in Reply.Field(word(&random), text(&random)) })
        default:
            let codes: [ProtocolError.Code] = [.timeout, .badArgument, .notFound, .internalError, .busy, .lineTooLong]
            return .error(ProtocolError(codes.randomElement(using: &random)!, text(&random, max: 30)))
        }
    }
}
