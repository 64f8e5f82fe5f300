/// Header values as text: RFC 2047 encoded words (`=?charset?Q?...?=`, `=?charset?B?...?=`)
/// decoded through ``CharsetDecoder``, whitespace between two encoded words dropped, raw
/// 8-bit bytes taken as UTF-8 when valid, else as Windows-1252. Whitespace runs collapse to
/// one space and the result is trimmed.
enum HeaderText {
    static func decode(_ raw: ArraySlice<UInt8>) -> String {
        var out = [UInt8]()
        var plain = [UInt8]()
        var pendingSpace: [UInt8] = []
        var lastWasEncoded = false
        var index = raw.startIndex
        func flushPlain() {
            out.append(contentsOf: CharsetDecoder.utf8(plain[...], charset: nil))
            plain.removeAll()
        }
        while index < raw.endIndex {
            let byte = raw[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") {
                pendingSpace.append(UInt8(ascii: " "))
                index += 1
                continue
            }
            if byte == UInt8(ascii: "="), let (decoded, end) = encodedWord(raw, at: index) {
                // Whitespace between two encoded words is not part of the text.
                if !lastWasEncoded { plain.append(contentsOf: pendingSpace) }
                pendingSpace.removeAll()
                flushPlain()
                out.append(contentsOf: decoded)
                lastWasEncoded = true
                index = end
                continue
            }
            plain.append(contentsOf: pendingSpace)
            pendingSpace.removeAll()
            plain.append(byte)
            lastWasEncoded = false
            index += 1
        }
        flushPlain()
        return collapsingWhitespace(TextDecoding.string(from: out))
    }

    /// `text` with whitespace runs as one space, trimmed.
    private static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The decoded text of the encoded word starting at `raw[start]` and the index after it,
    /// or `nil` when none starts there.
    private static func encodedWord(_ raw: ArraySlice<UInt8>, at start: Int) -> ([UInt8], Int)? {
        guard start + 1 < raw.endIndex, raw[start + 1] == UInt8(ascii: "?") else { return nil }
        let charsetStart = start + 2
        guard let charsetEnd = raw[charsetStart...].firstIndex(of: UInt8(ascii: "?")),
              charsetEnd + 2 < raw.endIndex, raw[charsetEnd + 2] == UInt8(ascii: "?") else { return nil }
        let encoding = raw[charsetEnd + 1] | 0x20
        let textStart = charsetEnd + 3
        var textEnd = textStart
        while textEnd + 1 < raw.endIndex, !(raw[textEnd] == UInt8(ascii: "?") && raw[textEnd + 1] == UInt8(ascii: "=")) {
            // Encoded words hold no whitespace.
            if raw[textEnd] == UInt8(ascii: " ") || raw[textEnd] == UInt8(ascii: "\n") { return nil }
            textEnd += 1
        }
        guard textEnd + 1 < raw.endIndex else { return nil }
        // RFC 2231 allows a language after `*` in the charset: `utf-8*en`.
        var charset = String(decoding: raw[charsetStart..<charsetEnd], as: UTF8.self)
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }
        let text = raw[textStart..<textEnd]
        let bytes: [UInt8]
        switch encoding {
        case UInt8(ascii: "b"):
            bytes = TransferDecoding.base64(text)
        case UInt8(ascii: "q"):
            let underscoresAsSpaces = text.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0 }
            bytes = TransferDecoding.quotedPrintable(underscoresAsSpaces[...])
        default:
            return nil
        }
        return (CharsetDecoder.utf8(bytes[...], charset: charset), textEnd + 2)
    }
}
