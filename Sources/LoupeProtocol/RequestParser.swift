/// Reads one request line (without its `\n` and any trailing `\r`) into a ``Request``.
///
/// The command word is read in any case. Options are `name=value` words right after it, in any
/// order; the first word that is not an option of the command starts the arguments, and `--`
/// ends the options explicitly. A query is the rest of the line, unquoted.
public struct RequestParser: Sendable {
    /// A parser for protocol version 1.
    public init() {}

    /// The request on `line`.
    /// - Throws: ``ProtocolError`` with `UNKNOWN_COMMAND` or `BAD_ARGUMENT` (whose message holds the usage).
    public func parse(_ line: Substring) throws(ProtocolError) -> Request {
        var words = WordScanner(line)
        guard let word = words.next() else { throw ProtocolError(.unknownCommand, "empty line; try HELP") }
        guard let command = Command(word: word) else {
            throw ProtocolError(.unknownCommand, "'\(word.prefix(40))' is not a command; try HELP")
        }
        switch command {
        case .search:
            var search = SearchRequest(query: "")
            var options = QueryOptions()
            try readOptions(&words, command) { name, value throws(ProtocolError) in
                switch name {
                case "limit": search.limit = try count(name, value, command)
                case "offset": search.offset = try count(name, value, command)
                case "snippets": search.snippets = try flag(name, value, command)
                case "sort":
                    guard let sort = SearchRequest.Sort(rawValue: String(value)) else {
                        throw usageError(command, "sort must be score, modified or -modified, got '\(value.prefix(40))'")
                    }
                    search.sort = sort
                case "expand": search.expand = try flag(name, value, command)
                default: try option(name, value, into: &options, command)
                }
            }
            search.options = options
            search.query = try required(words.rest, "a query", command)
            return .search(search)
        case .count:
            var options = QueryOptions()
            try readOptions(&words, command) { name, value throws(ProtocolError) in try option(name, value, into: &options, command) }
            return .count(query: try required(words.rest, "a query", command), options: options)
        case .suggest:
            var limit: Int?
            try readOptions(&words, command) { name, value throws(ProtocolError) in limit = try count(name, value, command) }
            return .suggest(SuggestRequest(text: try required(words.rest, "the text to complete", command), limit: limit))
        case .explain:
            var options = QueryOptions()
            try readOptions(&words, command) { name, value throws(ProtocolError) in try option(name, value, into: &options, command) }
            guard let id = words.next() else { throw usageError(command, "needs a document id and a query") }
            return .explain(id: FieldEscaping.unescape(id), query: try required(words.rest, "a query", command), options: options)
        case .get: return .get(id: FieldEscaping.unescape(try required(words.rest, "a document id", command)[...]))
        case .delete: return .delete(id: FieldEscaping.unescape(try required(words.rest, "a document id", command)[...]))
        case .index: return .index(path: FieldEscaping.unescape(try required(words.rest, "a path", command)[...]))
        case .auth: return .auth(token: try required(words.rest, "a token", command))
        case .help:
            guard let name = words.next() else { return .help(command: nil) }
            guard let target = Command(word: name) else { throw ProtocolError(.badArgument, "'\(name.prefix(40))' is not a command; try HELP") }
            return .help(command: target)
        case .info, .ping, .quit:
            guard words.rest.isEmpty else { throw usageError(command, "takes no arguments") }
            return command == .info ? .info : command == .ping ? .ping : .quit
        }
    }

    /// Calls `body` with each `name=value` option the command takes, until `--` or another word.
    private func readOptions(
        _ words: inout WordScanner, _ command: Command, _ body: (String, Substring) throws(ProtocolError) -> Void
    ) throws(ProtocolError) {
        var seen: Set<String> = []
        while let word = words.peek() {
            if word == "--" {
                _ = words.next()
                return
            }
            guard let equals = word.firstIndex(of: "=") else { return }
            let name = String(word[..<equals])
            guard Self.optionNames[command]?.contains(name) == true else { return }
            _ = words.next()
            guard seen.insert(name).inserted else { throw usageError(command, "\(name) is given twice") }
            try body(name, word[word.index(after: equals)...])
        }
    }

    private static let optionNames: [Command: Set<String>] = [
        .search: ["limit", "offset", "snippets", "sort", "expand", "op", "strict", "k1", "b", "algorithm"],
        .count: ["op", "strict", "algorithm"],
        .suggest: ["limit"],
        .explain: ["op", "strict", "k1", "b"],
    ]

    private func option(_ name: String, _ value: Substring, into options: inout QueryOptions, _ command: Command) throws(ProtocolError) {
        switch name {
        case "op":
            guard let op = QueryOptions.Operator(rawValue: value.lowercased()) else { throw usageError(command, "op must be and or or, got '\(value.prefix(40))'") }
            options.defaultOperator = op
        case "strict": options.strict = try flag(name, value, command)
        case "k1": options.k1 = try number(name, value, command)
        case "algorithm":
            guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else {
                throw usageError(command, "algorithm must be a name, got '\(value.prefix(40))'")
            }
            options.algorithm = String(value)
        default: options.b = try number(name, value, command)
        }
    }

    private func count(_ name: String, _ value: Substring, _ command: Command) throws(ProtocolError) -> Int {
        guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = Int(value) else {
            throw usageError(command, "\(name) must be a whole number ≥ 0, got '\(value.prefix(40))'")
        }
        return n
    }

    private func flag(_ name: String, _ value: Substring, _ command: Command) throws(ProtocolError) -> Bool {
        switch value {
        case "1": return true
        case "0": return false
        default: throw usageError(command, "\(name) must be 0 or 1, got '\(value.prefix(40))'")
        }
    }

    private func number(_ name: String, _ value: Substring, _ command: Command) throws(ProtocolError) -> Double {
        guard let x = Double(value), x.isFinite, x >= 0 else {
            throw usageError(command, "\(name) must be a number ≥ 0, got '\(value.prefix(40))'")
        }
        return x
    }

    private func required(_ text: Substring, _ what: String, _ command: Command) throws(ProtocolError) -> String {
        guard !text.isEmpty else { throw usageError(command, "needs \(what)") }
        return String(text)
    }

    private func usageError(_ command: Command, _ problem: String) -> ProtocolError {
        ProtocolError(.badArgument, "\(command.name) \(problem); usage: \(command.usage)")
    }
}

/// Splits a line into space-separated words and keeps the rest of the line available.
private struct WordScanner {
    private var remaining: Substring

    init(_ line: Substring) { remaining = line.trimmingSpaces() }

    /// The rest of the line, without surrounding spaces.
    var rest: Substring { remaining }

    func peek() -> Substring? {
        guard !remaining.isEmpty else { return nil }
        return remaining[..<(remaining.firstIndex(of: " ") ?? remaining.endIndex)]
    }

    mutating func next() -> Substring? {
        guard let word = peek() else { return nil }
        remaining = remaining[word.endIndex...].trimmingSpaces()
        return word
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    fileprivate func trimmingSpaces() -> Substring {
        var s = self
        while let first = s.first, first == " " || first == "\t" { s.removeFirst() }
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}
