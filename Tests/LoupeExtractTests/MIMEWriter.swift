import Foundation

/// Writes email messages for the tests: headers, MIME parts in the transfer encodings and
/// charsets asked for, CRLF line ends as on the wire. Test support only.
enum MIMEWriter {
    enum Encoding { case sevenBit, eightBit, quotedPrintable, base64 }

    indirect enum Part {
        /// A leaf part of `type` (`text/plain`), its content already in `charset`.
        case leaf(type: String, charset: String?, encoding: Encoding, content: [UInt8],
                  disposition: String? = nil, filename: String? = nil)
        case multipart(subtype: String, boundary: String, parts: [Part])
        /// A forwarded message.
        case message([UInt8])
    }

    /// A whole message: `headers` (already encoded where needed) then `body`.
    static func message(_ headers: [(String, String)], _ body: Part) -> [UInt8] {
        var out = Array("MIME-Version: 1.0\r\n".utf8)
        for (name, value) in headers { out += Array("\(name): \(value)\r\n".utf8) }
        out += part(body)
        return out
    }

    /// A part: its own headers, an empty line, its encoded body.
    static func part(_ part: Part) -> [UInt8] {
        switch part {
        case .leaf(let type, let charset, let encoding, let content, let disposition, let filename):
            var headers = "Content-Type: \(type)"
            if let charset { headers += "; charset=\"\(charset)\"" }
            if let filename, disposition == nil { headers += ";\r\n\tname=\"\(filename)\"" }
            headers += "\r\nContent-Transfer-Encoding: \(encodingName(encoding))\r\n"
            if let disposition {
                headers += "Content-Disposition: \(disposition)"
                if let filename { headers += "; filename=\"\(filename)\"" }
                headers += "\r\n"
            }
            return Array((headers + "\r\n").utf8) + encode(content, encoding)
        case .multipart(let subtype, let boundary, let parts):
            var out = Array("Content-Type: multipart/\(subtype); boundary=\"\(boundary)\"\r\n\r\nThis is a preamble.\r\n".utf8)
            for child in parts {
                out += Array("--\(boundary)\r\n".utf8) + self.part(child) + Array("\r\n".utf8)
            }
            out += Array("--\(boundary)--\r\nAn epilogue.\r\n".utf8)
            return out
        case .message(let bytes):
            return Array("Content-Type: message/rfc822\r\n\r\n".utf8) + bytes
        }
    }

    private static func encodingName(_ encoding: Encoding) -> String {
        switch encoding {
        case .sevenBit: "7bit"
        case .eightBit: "8bit"
        case .quotedPrintable: "quoted-printable"
        case .base64: "base64"
        }
    }

    static func encode(_ content: [UInt8], _ encoding: Encoding) -> [UInt8] {
        switch encoding {
        case .sevenBit, .eightBit:
            return content
        case .base64:
            return Array(Data(content).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]).utf8)
        case .quotedPrintable:
            return quotedPrintable(content)
        }
    }

    /// Quoted-printable with soft line breaks every 60 characters or so.
    static func quotedPrintable(_ content: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        var lineLength = 0
        for byte in content {
            if byte == UInt8(ascii: "\n") {
                out += Array("\r\n".utf8)
                lineLength = 0
                continue
            }
            let piece: [UInt8] = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || byte == 32
                ? [byte] : Array(String(format: "=%02X", byte).utf8)
            if lineLength + piece.count > 60 {
                out += Array("=\r\n".utf8)
                lineLength = 0
            }
            out += piece
            lineLength += piece.count
        }
        return out
    }

    /// An RFC 2047 encoded word holding `bytes` in `charset`, as `B` (base64) or `Q`.
    static func encodedWord(_ bytes: [UInt8], charset: String, base64: Bool) -> String {
        if base64 { return "=?\(charset)?B?\(Data(bytes).base64EncodedString())?=" }
        let q = bytes.map { byte -> String in
            if byte == 32 { return "_" }
            if byte >= 33, byte <= 126, byte != UInt8(ascii: "="), byte != UInt8(ascii: "?"), byte != UInt8(ascii: "_") {
                return String(UnicodeScalar(byte))
            }
            return String(format: "=%02X", byte)
        }.joined()
        return "=?\(charset)?Q?\(q)?="
    }

    /// Messages joined as an mbox: each after a `From ` line, body lines that start with
    /// `From ` (after any `>`) quoted with one more `>`, and a blank line after each.
    static func mbox(_ messages: [[UInt8]]) -> [UInt8] {
        var out = [UInt8]()
        for (index, message) in messages.enumerated() {
            out += Array("From sender\(index)@example.org Mon Jan  2 15:04:05 2006\n".utf8)
            let text = String(decoding: message, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.drop(while: { $0 == ">" }).hasPrefix("From ") { out.append(UInt8(ascii: ">")) }
                out += Array(line.utf8) + [UInt8(ascii: "\n")]
            }
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }
}
