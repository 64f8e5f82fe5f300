/// Reads replies back from the lines a server sends, one line at a time.
///
/// ```swift
/// var decoder = ReplyDecoder()
/// while let line = readLine() {
///     if let reply = try decoder.feed(line[...]) { handle(reply) }
/// }
/// ```
public struct ReplyDecoder: Sendable {
    private var pending: Pending?

    private struct Pending: Sendable {
        var word: String
        var head: [Substring.SubSequence]
        var expected: Int
        var body: [String]
    }

    /// A decoder waiting for the first line of a reply.
    public init() {}

    /// Takes the next line (without `\n`); returns a reply when the line completes one.
    /// - Throws: ``ReplyDecodingError`` when the line cannot belong to a valid reply.
    public mutating func feed(_ line: Substring) throws(ReplyDecodingError) -> Reply? {
        if var block = pending {
            if block.body.count == block.expected {
                guard line == "END" else { throw ReplyDecodingError(line: String(line), reason: "expected END") }
                pending = nil
                return try Self.block(block.word, block.head, block.body)
            }
            block.body.append(String(line))
            pending = block
            return nil
        }
        let words = Self.split(line, at: " ")
        guard let word = words.first else { throw ReplyDecodingError(line: "", reason: "empty line") }
        switch word {
        case "RESULTS", "EXPLAIN", "DOC", "INFO", "HELP", "COMPLETIONS":
            guard words.count >= 2, let n = Int(words[1]), n >= 0 else {
                throw ReplyDecodingError(line: String(line), reason: "a block head needs a line count")
            }
            pending = Pending(word: String(word), head: Array(words.dropFirst(2)), expected: n, body: [])
            return nil
        case "HELLO":
            let values = Self.values(words.dropFirst())
            guard let version = values["protocol"].flatMap({ Int($0) }), let max = values["max_line"].flatMap({ Int($0) }) else {
                throw ReplyDecodingError(line: String(line), reason: "greeting without protocol and max_line")
            }
            return .hello(Reply.Greeting(
                protocolVersion: version, maxLineBytes: max, authRequired: values["auth"] == "required",
                serverVersion: values["server"] ?? ""))
        case "COUNT":
            guard words.count >= 2, let total = Int(words[1]) else { throw ReplyDecodingError(line: String(line), reason: "COUNT without a number") }
            return .count(total: total, tookMicroseconds: Self.values(words.dropFirst(2))["took_us"].flatMap { Int($0) } ?? 0)
        case "OK":
            return .ok(words.dropFirst().compactMap { word in
                Self.nameAndValue(word).map { Reply.Field(String($0.name), FieldEscaping.unescape($0.value)) }
            })
        case "PONG": return .pong
        case "BYE": return .bye
        case "ERR":
            guard words.count >= 2 else { throw ReplyDecodingError(line: String(line), reason: "ERR without a code") }
            let message = words.dropFirst(2).joined(separator: " ")
            return .error(ProtocolError(ProtocolError.Code(name: String(words[1])), FieldEscaping.unescape(message[...])))
        default:
            throw ReplyDecodingError(line: String(line), reason: "unknown reply")
        }
    }

    private static func values(_ words: ArraySlice<Substring>) -> [String: String] {
        var values: [String: String] = [:]
        for word in words {
            guard let (name, value) = nameAndValue(word) else { continue }
            values[String(name)] = FieldEscaping.unescape(value)
        }
        return values
    }

    /// `line` cut at every `separator` scalar. Lines are split by scalars, not characters: a
    /// combining mark after a separator must not hide it.
    static func split(_ line: Substring, at separator: Unicode.Scalar) -> [Substring] {
        line.unicodeScalars.split(separator: separator, omittingEmptySubsequences: false).map(Substring.init)
    }

    /// The name and value of a `name=value` word (cut at its first `=` scalar).
    private static func nameAndValue(_ word: Substring) -> (name: Substring, value: Substring)? {
        let scalars = word.unicodeScalars
        guard let equals = scalars.firstIndex(of: "=") else { return nil }
        return (Substring(scalars[..<equals]), Substring(scalars[scalars.index(after: equals)...]))
    }

    private static func block(_ word: String, _ head: [Substring], _ body: [String]) throws(ReplyDecodingError) -> Reply {
        let values = Self.values(head[...])
        switch word {
        case "RESULTS":
            var hits: [Reply.Hit] = []
            hits.reserveCapacity(body.count)
            for line in body {
                let fields = Self.split(line[...], at: "\t")
                guard fields.count >= 4, let rank = Int(fields[0]), let score = Double(fields[1]) else {
                    throw ReplyDecodingError(line: line, reason: "a hit line is rank, score, id, title, snippet")
                }
                let snippet = FieldEscaping.unescapeSnippet(fields.count > 4 ? fields[4] : "")
                hits.append(Reply.Hit(
                    rank: rank, score: score, id: FieldEscaping.unescape(fields[2]), title: FieldEscaping.unescape(fields[3]),
                    snippet: snippet.text, highlights: snippet.highlights))
            }
            guard let total = values["total"].flatMap({ Int($0) }), let took = values["took_us"].flatMap({ Int($0) }) else {
                throw ReplyDecodingError(line: "RESULTS", reason: "RESULTS needs total= and took_us=")
            }
            return .results(Reply.Results(total: total, tookMicroseconds: took, hits: hits, suggestion: values["suggestion"]))
        case "EXPLAIN":
            var parts: [Reply.Explanation.Part] = []
            for line in body {
                let fields = Self.split(line[...], at: "\t")
                let numbers = fields.dropFirst(3).compactMap { Double($0) }
                guard fields.count == 12, numbers.count == 9, let score = Double(fields[0]) else {
                    throw ReplyDecodingError(line: line, reason: "an explanation line has 12 fields")
                }
                parts.append(Reply.Explanation.Part(
                    score: score, field: FieldEscaping.unescape(fields[1]), clause: FieldEscaping.unescape(fields[2]), numbers: numbers))
            }
            return .explanation(Reply.Explanation(
                matched: values["matched"] == "1", score: values["score"].flatMap { Double($0) } ?? 0, parts: parts))
        case "HELP":
            return .help(body.map { FieldEscaping.unescape($0[...]) })
        case "COMPLETIONS":
            return .completions(try Reply.Completions(decodingHead: values, body: body))
        default:
            var fields: [Reply.Field] = []
            for line in body {
                guard let tab = line.firstIndex(of: "\t") else { throw ReplyDecodingError(line: line, reason: "expected name<TAB>value") }
                fields.append(Reply.Field(FieldEscaping.unescape(line[..<tab]), FieldEscaping.unescape(line[line.index(after: tab)...])))
            }
            return word == "DOC" ? .document(fields) : .info(fields)
        }
    }
}

/// A line from the server that does not fit the protocol.
public struct ReplyDecodingError: Error, Sendable, CustomStringConvertible {
    /// The offending line (possibly cut).
    public var line: String
    /// What is wrong with it.
    public var reason: String

    /// An error about `line` (kept to its first 200 characters).
    public init(line: String, reason: String) {
        self.line = String(line.prefix(200))
        self.reason = reason
    }

    public var description: String { "unexpected reply from the server (\(reason)): \(line)" }
}
