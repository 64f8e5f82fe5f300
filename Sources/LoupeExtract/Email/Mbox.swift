/// The mbox format: messages one after another, each starting with a `From ` line
/// (`From sender asctime-date`), body lines that began with `From ` quoted as `>From `.
enum Mbox {
    /// Whether `line` (without its line end) is an mbox `From ` line: `From `, a sender, and
    /// a date that ``MailDate`` reads. A body line that merely starts with `From ` is not one.
    static func isFromLine(_ line: ArraySlice<UInt8>) -> Bool {
        let prefix = Array("From ".utf8)
        guard line.starts(with: prefix) else { return false }
        let rest = line.dropFirst(prefix.count)
        guard let senderEnd = rest.firstIndex(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }),
              senderEnd > rest.startIndex, line.count < 1000 else { return false }
        return MailDate.parse(String(decoding: rest[senderEnd...], as: UTF8.self)) != nil
    }

    /// Whether `bytes` starts with a `From ` line: what makes a file an mbox.
    static func startsWithFromLine(_ bytes: ArraySlice<UInt8>) -> Bool {
        let end = bytes.prefix(1000).firstIndex(of: UInt8(ascii: "\n")) ?? min(bytes.endIndex, bytes.startIndex + 1000)
        var line = bytes[bytes.startIndex..<end]
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        return isFromLine(line)
    }

    /// The messages of `bytes` (LF line ends), in file order, without their `From ` lines,
    /// with `>From ` lines unquoted by one `>` (right for both mboxo and mboxrd). Text before
    /// the first `From ` line is not a message. One pass over the input; only messages that
    /// hold quoted lines are copied.
    static func messages(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var messages: [ArraySlice<UInt8>] = []
        var messageStart: Int?
        var hasQuotedFrom = false
        var lineStart = 0
        func close(at end: Int) {
            guard let start = messageStart else { return }
            // The blank line before the next `From ` line is the separator, not content.
            var last = end
            if last > start, bytes[last - 1] == UInt8(ascii: "\n") { last -= 1 }
            messages.append(hasQuotedFrom ? unquoted(bytes[start..<last]) : bytes[start..<last])
        }
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let first = bytes[lineStart]
            if first == UInt8(ascii: "F"), isFromLine(bytes[lineStart..<lineEnd]) {
                close(at: lineStart)
                messageStart = min(lineEnd + 1, bytes.count)
                hasQuotedFrom = false
            } else if first == UInt8(ascii: ">"), isQuotedFrom(bytes[lineStart..<lineEnd]) {
                hasQuotedFrom = true
            }
            lineStart = lineEnd + 1
        }
        close(at: bytes.count)
        return messages
    }

    /// Whether `line` is `>From `, `>>From `, ...
    private static func isQuotedFrom(_ line: ArraySlice<UInt8>) -> Bool {
        let rest = line.drop { $0 == UInt8(ascii: ">") }
        return rest.count < line.count && rest.starts(with: "From ".utf8)
    }

    /// `message` with one `>` taken from each quoted `From ` line.
    private static func unquoted(_ message: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var out = [UInt8]()
        out.reserveCapacity(message.count)
        var lineStart = message.startIndex
        while lineStart < message.endIndex {
            let lineEnd = message[lineStart...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? message.endIndex
            let line = message[lineStart..<lineEnd]
            out.append(contentsOf: isQuotedFrom(line) ? line.dropFirst() : line)
            lineStart = lineEnd
        }
        return out[...]
    }
}
