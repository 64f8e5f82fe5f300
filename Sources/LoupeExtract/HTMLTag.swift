/// One start or end tag found in HTML source.
struct HTMLTag {
    /// The element name in ASCII lowercase.
    var name: [UInt8]
    /// Whether this is an end tag (`</p>`).
    var isEnd: Bool
    /// Whether the tag ends with `/>`.
    var isSelfClosing: Bool
    /// The index just past the tag's `>`.
    var end: Int

    /// Parses the tag whose `<` is at `bytes[start]`, or returns `nil` when no tag starts
    /// there: the `<` is not followed by a letter (or by `/` and a letter), or no `>` closes
    /// it. Attribute values in quotes may hold `>`; if such a quote is never closed, the
    /// tag ends at the first `>` instead.
    static func parse(_ bytes: ArraySlice<UInt8>, at start: Int) -> HTMLTag? {
        var index = start + 1
        let isEnd = index < bytes.endIndex && bytes[index] == UInt8(ascii: "/")
        if isEnd { index += 1 }
        guard index < bytes.endIndex, isASCIILetter(bytes[index]) else { return nil }
        var name = [UInt8]()
        while index < bytes.endIndex, isNameByte(bytes[index]) {
            name.append(bytes[index] | (isASCIILetter(bytes[index]) ? 0x20 : 0))
            index += 1
        }
        guard let close = closingBracket(bytes, from: index, quoted: !isEnd)
                ?? closingBracket(bytes, from: index, quoted: false) else { return nil }
        let isSelfClosing = close > index && bytes[close - 1] == UInt8(ascii: "/")
        return HTMLTag(name: name, isEnd: isEnd, isSelfClosing: isSelfClosing, end: close + 1)
    }

    /// The index of the `>` that ends a tag, scanning from `index`; with `quoted`, a `>`
    /// inside a quoted attribute value does not count, and `nil` is returned when a quote
    /// is left open.
    private static func closingBracket(_ bytes: ArraySlice<UInt8>, from index: Int, quoted: Bool) -> Int? {
        var index = index
        var afterEquals = false
        while index < bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: ">"):
                return index
            case UInt8(ascii: "="):
                afterEquals = true
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if quoted && afterEquals {
                    guard let closeQuote = bytes[(index + 1)...].firstIndex(of: byte) else { return nil }
                    index = closeQuote
                }
                afterEquals = false
            default:
                if !HTMLTextWriter.isWhitespace(byte) { afterEquals = false }
            }
            index += 1
        }
        return nil
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "_")
    }
}
