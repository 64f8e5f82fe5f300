import LoupeProtocol
import Testing

@Suite("Field escaping")
struct FieldEscapingTests {
    @Test(arguments: ["plain", "a\tb", "a\nb\r", "back\\slash", "\\t literal", "ünï\tcödé 😀", ""])
    func escapingRoundTrips(_ text: String) {
        let escaped = FieldEscaping.escape(text)
        #expect(!escaped.contains("\t") && !escaped.contains("\n") && !escaped.contains("\r"))
        #expect(FieldEscaping.unescape(escaped[...]) == text)
        #expect(FieldEscaping.unescape(FieldEscaping.escape(text, spaces: true)[...]) == text)
    }

    @Test func snippetMarksCountCodePoints() {
        let text = "😀 cold é war"
        let marked = FieldEscaping.escapeSnippet(text, highlights: [2..<6, 9..<12])
        #expect(marked == "😀 \\[cold\\] é \\[war\\]")
        let back = FieldEscaping.unescapeSnippet(marked[...])
        #expect(back.text == text && back.highlights == [2..<6, 9..<12])
    }

    @Test func spansOutOfOrderOrOutsideAreDropped() {
        #expect(FieldEscaping.escapeSnippet("abc", highlights: [1..<2, 0..<1, 2..<9]) == "a\\[b\\]\\[c\\]")
        #expect(FieldEscaping.escapeSnippet("abc", highlights: [5..<6]) == "abc")
    }

    @Test func addressesParse() throws {
        #expect(try ServerAddress(parsing: "127.0.0.1:7700") == .tcp(host: "127.0.0.1", port: 7700))
        #expect(try ServerAddress(parsing: "localhost") == .tcp(host: "localhost", port: LoupeProtocol.defaultPort))
        #expect(try ServerAddress(parsing: "[::1]:9") == .tcp(host: "::1", port: 9))
        #expect(try ServerAddress(parsing: "unix:/tmp/s") == .unix(path: "/tmp/s"))
        #expect(throws: ProtocolError.self) { try ServerAddress(parsing: "host:port") }
        #expect(throws: ProtocolError.self) { try ServerAddress(parsing: ":80") }
        #expect(throws: ProtocolError.self) { try ServerAddress(parsing: "h:70000") }
    }
}
