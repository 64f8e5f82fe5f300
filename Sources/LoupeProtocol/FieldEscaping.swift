import NIOCore

/// The escaping of fields inside reply lines and of id tokens inside requests.
///
/// A field never contains a raw tab, newline or carriage return on the wire: `\` is written `\\`,
/// a tab `\t`, a newline `\n`, a carriage return `\r`. In request tokens (the id of `EXPLAIN`),
/// a space is written `\s`. In snippets, `\[` and `\]` mark the start and end of a highlighted
/// span; they never appear in other fields.
public enum FieldEscaping {
    /// `text` with `\`, tab, newline and carriage return escaped (and spaces, when `spaces`):
    /// the bytes ``write(_:spaces:into:)`` writes, as a `String`.
    public static func escape(_ text: String, spaces: Bool = false) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || (spaces && $0 == 0x20) })
        else { return text }
        var buffer = ByteBufferAllocator().buffer(capacity: text.utf8.count + 8)
        write(text, spaces: spaces, into: &buffer)
        return String(buffer: buffer)
    }

    /// A snippet with the spans `highlights` (Unicode code-point offsets into `text`) marked by `\[`
    /// and `\]`: the bytes ``writeSnippet(_:highlights:into:)`` writes, as a `String`.
    public static func escapeSnippet(_ text: String, highlights: [Range<Int>]) -> String {
        var buffer = ByteBufferAllocator().buffer(capacity: text.utf8.count + 8 * highlights.count)
        writeSnippet(text, highlights: highlights, into: &buffer)
        return String(buffer: buffer)
    }

    /// The text of an escaped field; unknown escapes keep their character, and highlight marks
    /// are dropped (use ``unescapeSnippet(_:)`` to keep them).
    public static func unescape(_ field: Substring) -> String {
        unescapeSnippet(field).text
    }

    /// The text of an escaped snippet and its highlighted spans, as code-point offsets into the text.
    public static func unescapeSnippet(_ field: Substring) -> (text: String, highlights: [Range<Int>]) {
        guard field.utf8.contains(0x5C) else { return (String(field), []) }
        var text = ""
        var highlights: [Range<Int>] = []
        var start: Int? = nil
        var escaped = false
        var count = 0
        for scalar in field.unicodeScalars {
            guard escaped else {
                if scalar == "\\" { escaped = true } else { text.unicodeScalars.append(scalar) }
                count += scalar == "\\" ? 0 : 1
                continue
            }
            count += scalar == "[" || scalar == "]" ? 0 : 1
            escaped = false
            switch scalar {
            case "t": text += "\t"
            case "n": text += "\n"
            case "r": text += "\r"
            case "s": text += " "
            case "[": start = count
            case "]":
                if let s = start { highlights.append(s..<count) }
                start = nil
            default: text.unicodeScalars.append(scalar)
            }
        }
        if escaped { text += "\\" }
        return (text, highlights)
    }
}
