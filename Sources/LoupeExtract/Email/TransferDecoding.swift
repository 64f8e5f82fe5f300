/// Decoding of MIME content transfer encodings (RFC 2045): quoted-printable and base64.
/// Both are lenient, as mail readers are: what cannot be decoded is kept or skipped, never
/// an error. The input's line ends are LF (see ``TextDecoding``).
enum TransferDecoding {
    /// The bytes of `body` under the transfer encoding `encoding` (any case; `7bit`, `8bit`,
    /// `binary` and unknown encodings leave the bytes as they are).
    static func decode(_ body: ArraySlice<UInt8>, encoding: String?) -> ArraySlice<UInt8> {
        switch encoding?.lowercased().trimmingASCIISpaces {
        case "quoted-printable": ArraySlice(quotedPrintable(body))
        case "base64": ArraySlice(base64(body))
        default: body
        }
    }

    /// Quoted-printable: `=XX` is the byte XX, `=` at a line's end (after optional trailing
    /// whitespace) joins the line to the next, and a malformed `=` stays as it is.
    static func quotedPrintable(_ body: ArraySlice<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(body.count)
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            guard byte == UInt8(ascii: "=") else {
                out.append(byte)
                index += 1
                continue
            }
            if index + 2 < body.endIndex, let high = hexValue(body[index + 1]), let low = hexValue(body[index + 2]) {
                out.append(high << 4 | low)
                index += 3
                continue
            }
            // A soft line break: `=`, optional spaces or tabs, then the end of the line.
            var next = index + 1
            while next < body.endIndex, body[next] == UInt8(ascii: " ") || body[next] == UInt8(ascii: "\t") { next += 1 }
            if next == body.endIndex {
                index = next
            } else if body[next] == UInt8(ascii: "\n") {
                index = next + 1
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }

    /// Base64: the alphabet's characters are decoded, anything else (line ends, stray
    /// characters) is skipped, and decoding stops at the first `=` padding.
    static func base64(_ body: ArraySlice<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(body.count / 4 * 3)
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in body {
            if byte == UInt8(ascii: "=") { break }
            let value = base64Values[Int(byte)]
            guard value != 0xFF else { continue }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return out
    }

    /// The value of each byte in the base64 alphabet (`+` and `/`, and the URL-safe `-`
    /// and `_`), 0xFF for other bytes.
    private static let base64Values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(value)
        }
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    /// The value of a hexadecimal digit (either case), or `nil`.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
