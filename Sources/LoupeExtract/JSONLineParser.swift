/// A hand-rolled parser for one line of a JSON lines file: a JSON object whose `id`,
/// `title` and `text` members become a ``JSONLDocument``; every other member is checked
/// for syntax and skipped. When a member appears twice, the last one counts.
///
/// Keeps a scratch buffer between lines, so one parser should serve a whole file.
struct JSONLineParser {
    /// A syntax or content error: the byte offset in the line where it was found (`nil`
    /// for the whole object) and what is wrong.
    struct Failure: Error {
        var offset: Int?
        var reason: String
    }

    /// The members that make a document.
    private enum Field {
        case id, title, text, other
    }

    private var line = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// Decoded bytes of the last string with escapes.
    private let scratch = ByteBuffer()

    /// Parses `bytes`, one line without its `\n`. Returns `nil` for a line of whitespace.
    mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>, lineNumber: Int) -> Result<JSONLDocument, JSONLLineError>? {
        line = bytes
        let start = skipWhitespace(from: 0)
        guard start < line.count else { return nil }
        do throws(Failure) {
            return .success(try document(at: start, lineNumber: lineNumber))
        } catch {
            return .failure(JSONLLineError(line: lineNumber, column: error.offset.map { $0 + 1 }, reason: error.reason))
        }
    }

    private mutating func document(at start: Int, lineNumber: Int) throws(Failure) -> JSONLDocument {
        guard line[start] == UInt8(ascii: "{") else { throw Failure(offset: start, reason: "not a JSON object") }
        var id: String?
        var title = ""
        var text = ""
        var index = skipWhitespace(from: start + 1)
        if index < line.count, line[index] == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                guard index < line.count, line[index] == UInt8(ascii: "\"") else {
                    throw Failure(offset: index, reason: "expected '\"' to begin a member name")
                }
                let field: Field
                (field, index) = try key(at: index)
                index = skipWhitespace(from: index)
                guard index < line.count, line[index] == UInt8(ascii: ":") else {
                    throw Failure(offset: index, reason: "expected ':' after a member name")
                }
                index = skipWhitespace(from: index + 1)
                switch field {
                case .id:
                    (id, index) = try idValue(at: index)
                case .title:
                    let value: String?
                    (value, index) = try optionalString(at: index, member: "title")
                    title = value ?? ""
                case .text:
                    let value: String?
                    (value, index) = try optionalString(at: index, member: "text")
                    text = value ?? ""
                case .other:
                    index = try skipValue(at: index)
                }
                index = skipWhitespace(from: index)
                guard index < line.count else { throw Failure(offset: index, reason: "expected ',' or '}'") }
                if line[index] == UInt8(ascii: "}") {
                    index += 1
                    break
                }
                guard line[index] == UInt8(ascii: ",") else { throw Failure(offset: index, reason: "expected ',' or '}'") }
                index = skipWhitespace(from: index + 1)
            }
        }
        index = skipWhitespace(from: index)
        guard index == line.count else { throw Failure(offset: index, reason: "unexpected data after the object") }
        guard let id else { throw Failure(offset: nil, reason: "missing \"id\"") }
        return JSONLDocument(id: id, title: title, text: text, line: lineNumber)
    }

    /// Reads the member name whose `"` is at `start`; recognizes the document's fields
    /// without building a string.
    private mutating func key(at start: Int) throws(Failure) -> (Field, Int) {
        let (end, escaped) = try decodeString(at: start)
        let name = escaped ? scratch.bytes : UnsafeBufferPointer(rebasing: line[(start + 1)..<(end - 1)])
        return (Self.field(named: name), end)
    }

    private static func field(named name: UnsafeBufferPointer<UInt8>) -> Field {
        switch name.count {
        case 2 where name[0] == UInt8(ascii: "i") && name[1] == UInt8(ascii: "d"):
            return .id
        case 4 where name[0] == UInt8(ascii: "t") && name[1] == UInt8(ascii: "e") && name[2] == UInt8(ascii: "x")
            && name[3] == UInt8(ascii: "t"):
            return .text
        case 5 where name[0] == UInt8(ascii: "t") && name[1] == UInt8(ascii: "i") && name[2] == UInt8(ascii: "t")
            && name[3] == UInt8(ascii: "l") && name[4] == UInt8(ascii: "e"):
            return .title
        default:
            return .other
        }
    }

    /// The `id` value at `start`: a string, or an integer kept as written.
    private mutating func idValue(at start: Int) throws(Failure) -> (String, Int) {
        guard start < line.count else { throw Failure(offset: start, reason: "expected a value") }
        let byte = line[start]
        if byte == UInt8(ascii: "\"") { return try string(at: start) }
        guard byte == UInt8(ascii: "-") || Self.isDigit(byte) else {
            throw Failure(offset: start, reason: "\"id\" must be a string or an integer")
        }
        let (end, isInteger) = try number(at: start)
        guard isInteger else { throw Failure(offset: start, reason: "\"id\" must be a string or an integer") }
        return (String(decoding: UnsafeBufferPointer(rebasing: line[start..<end]), as: UTF8.self), end)
    }

    /// A string value at `start`, or `nil` for `null`.
    private mutating func optionalString(at start: Int, member: String) throws(Failure) -> (String?, Int) {
        if start < line.count, line[start] == UInt8(ascii: "\"") {
            let (value, end) = try string(at: start)
            return (value, end)
        }
        if matches("null", at: start) { return (nil, start + 4) }
        throw Failure(offset: start, reason: "\"\(member)\" must be a string")
    }

    /// The string whose `"` is at `start`, decoded, and the index after its closing `"`.
    private mutating func string(at start: Int) throws(Failure) -> (String, Int) {
        let (end, escaped) = try decodeString(at: start)
        let content = escaped ? scratch.bytes : UnsafeBufferPointer(rebasing: line[(start + 1)..<(end - 1)])
        return (String(decoding: content, as: UTF8.self), end)
    }

    /// Checks the string whose `"` is at `start` in one pass: raw bytes must be well-formed
    /// UTF-8 and not control characters. Returns the index after the closing `"` and
    /// whether the string holds escapes; if it does, its decoded content is left in
    /// `scratch`, and otherwise the content is the raw bytes between the quotes.
    private mutating func decodeString(at start: Int) throws(Failure) -> (end: Int, escaped: Bool) {
        let raw = UnsafeRawBufferPointer(line)
        var index = start + 1
        var segmentStart = index
        var escaped = false
        while true {
            index = JSONScan.stringSpecial(in: line, from: index)
            guard index < line.count else { throw Failure(offset: start, reason: "unterminated string") }
            let byte = line[index]
            if byte >= 0x80 {
                guard case .valid(let length) = UTF8Sequence.length(in: raw, at: index) else {
                    throw Failure(offset: index, reason: "invalid UTF-8")
                }
                index += length
            } else if byte == UInt8(ascii: "\"") {
                if escaped { scratch.append(UnsafeBufferPointer(rebasing: line[segmentStart..<index])) }
                return (index + 1, escaped)
            } else if byte == UInt8(ascii: "\\") {
                if !escaped {
                    scratch.removeAll()
                    escaped = true
                }
                scratch.append(UnsafeBufferPointer(rebasing: line[segmentStart..<index]))
                index = try escape(at: index)
                segmentStart = index
            } else {
                throw Failure(offset: index, reason: "control character in string")
            }
        }
    }

    /// Decodes the escape whose `\` is at `start` into `scratch`; returns the index after it.
    private mutating func escape(at start: Int) throws(Failure) -> Int {
        guard start + 1 < line.count else { throw Failure(offset: start, reason: "invalid escape") }
        let replacement: UInt8
        switch line[start + 1] {
        case UInt8(ascii: "\""): replacement = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): replacement = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): replacement = UInt8(ascii: "/")
        case UInt8(ascii: "b"): replacement = 0x08
        case UInt8(ascii: "f"): replacement = 0x0C
        case UInt8(ascii: "n"): replacement = 0x0A
        case UInt8(ascii: "r"): replacement = 0x0D
        case UInt8(ascii: "t"): replacement = 0x09
        case UInt8(ascii: "u"): return try unicodeEscape(at: start)
        default:
            throw Failure(offset: start, reason: "invalid escape '\\\(Self.printable(line[start + 1]))'")
        }
        scratch.append(replacement)
        return start + 2
    }

    /// Decodes `\uXXXX` at `start`, joining a surrogate pair; a lone surrogate becomes
    /// U+FFFD.
    private mutating func unicodeEscape(at start: Int) throws(Failure) -> Int {
        let unit = try hex4(at: start + 2, escapeAt: start)
        var next = start + 6
        var scalar: UInt32 = 0xFFFD
        switch unit {
        case 0xD800...0xDBFF:
            if next + 1 < line.count, line[next] == UInt8(ascii: "\\"), line[next + 1] == UInt8(ascii: "u") {
                let low = try hex4(at: next + 2, escapeAt: next)
                if (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    next += 6
                }
            }
        case 0xDC00...0xDFFF:
            break
        default:
            scalar = unit
        }
        UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}") { scratch.append($0) }
        return next
    }

    /// The value of the four hex digits at `start`.
    private func hex4(at start: Int, escapeAt escape: Int) throws(Failure) -> UInt32 {
        guard start + 4 <= line.count else { throw Failure(offset: escape, reason: "invalid \\u escape") }
        var value: UInt32 = 0
        for index in start..<(start + 4) {
            let byte = line[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Failure(offset: escape, reason: "invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Checks and skips any JSON value at `start`; returns the index after it. Nesting is
    /// tracked on the heap, so depth is limited by memory only.
    private mutating func skipValue(at start: Int) throws(Failure) -> Int {
        var closers: [UInt8] = []
        var index = start
        while true {
            // A value is expected at `index`.
            guard index < line.count else { throw Failure(offset: index, reason: "expected a value") }
            switch line[index] {
            case UInt8(ascii: "\""):
                index = try decodeString(at: index).end
            case UInt8(ascii: "{"):
                index = skipWhitespace(from: index + 1)
                if index < line.count, line[index] == UInt8(ascii: "}") {
                    index += 1
                } else {
                    closers.append(UInt8(ascii: "}"))
                    index = try skipMemberName(at: index)
                    continue
                }
            case UInt8(ascii: "["):
                index = skipWhitespace(from: index + 1)
                if index < line.count, line[index] == UInt8(ascii: "]") {
                    index += 1
                } else {
                    closers.append(UInt8(ascii: "]"))
                    continue
                }
            case UInt8(ascii: "t") where matches("true", at: index): index += 4
            case UInt8(ascii: "f") where matches("false", at: index): index += 5
            case UInt8(ascii: "n") where matches("null", at: index): index += 4
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                index = try number(at: index).end
            default:
                throw Failure(offset: index, reason: "expected a value")
            }
            // A value ended: close containers until one goes on with another value.
            while let closer = closers.last {
                index = skipWhitespace(from: index)
                guard index < line.count else { throw Failure(offset: index, reason: "expected ',' or '\(Self.printable(closer))'") }
                if line[index] == closer {
                    closers.removeLast()
                    index += 1
                    continue
                }
                guard line[index] == UInt8(ascii: ",") else {
                    throw Failure(offset: index, reason: "expected ',' or '\(Self.printable(closer))'")
                }
                index = skipWhitespace(from: index + 1)
                if closer == UInt8(ascii: "}") { index = try skipMemberName(at: index) }
                break
            }
            if closers.isEmpty { return index }
        }
    }

    /// Skips `"name" :` and the whitespace after it, inside a skipped object.
    private mutating func skipMemberName(at start: Int) throws(Failure) -> Int {
        guard start < line.count, line[start] == UInt8(ascii: "\"") else {
            throw Failure(offset: start, reason: "expected '\"' to begin a member name")
        }
        let index = skipWhitespace(from: try decodeString(at: start).end)
        guard index < line.count, line[index] == UInt8(ascii: ":") else {
            throw Failure(offset: index, reason: "expected ':' after a member name")
        }
        return skipWhitespace(from: index + 1)
    }

    /// Checks the number at `start` against JSON's grammar; returns the index after it
    /// and whether it is an integer (no fraction, no exponent).
    private func number(at start: Int) throws(Failure) -> (end: Int, isInteger: Bool) {
        var index = start
        if line[index] == UInt8(ascii: "-") { index += 1 }
        guard index < line.count, Self.isDigit(line[index]) else { throw Failure(offset: start, reason: "invalid number") }
        if line[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            index = skipDigits(from: index)
        }
        var isInteger = true
        if index < line.count, line[index] == UInt8(ascii: ".") {
            isInteger = false
            let digits = index + 1
            index = skipDigits(from: digits)
            guard index > digits else { throw Failure(offset: start, reason: "invalid number") }
        }
        if index < line.count, line[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            if index < line.count, line[index] == UInt8(ascii: "+") || line[index] == UInt8(ascii: "-") { index += 1 }
            let digits = index
            index = skipDigits(from: digits)
            guard index > digits else { throw Failure(offset: start, reason: "invalid number") }
        }
        return (index, isInteger)
    }

    private func skipDigits(from start: Int) -> Int {
        var index = start
        while index < line.count, Self.isDigit(line[index]) { index += 1 }
        return index
    }

    /// Skips JSON whitespace (and a carriage return, so CRLF line ends are accepted).
    private func skipWhitespace(from start: Int) -> Int {
        var index = start
        while index < line.count {
            switch line[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return index
            }
        }
        return index
    }

    /// Whether the ASCII `word` appears at `start`.
    private func matches(_ word: StaticString, at start: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard start + count <= line.count else { return false }
        return UnsafeBufferPointer(rebasing: line[start..<(start + count)])
            .elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: count))
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// A byte as it can be shown in a message.
    private static func printable(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? String(UnicodeScalar(byte)) : "\\u{\(String(byte, radix: 16))}"
    }
}
