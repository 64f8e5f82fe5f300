/// Decoding of HTML character references (`&amp;`, `&#233;`, `&#xE9;`), shared by the HTML
/// and Markdown extractors.
enum CharacterReference {
    /// Named references, from name bytes (with `;` where the name requires it) to the UTF-8
    /// of the replacement. Built once, on first use, from ``HTMLEntityTable/source``.
    static let named: [[UInt8]: [UInt8]] = {
        var table = [[UInt8]: [UInt8]](minimumCapacity: 2300)
        for line in HTMLEntityTable.source.split(separator: "\n") {
            let parts = line.split(separator: " ")
            var replacement = [UInt8]()
            for hex in parts[1].split(separator: ",") {
                appendScalar(UInt32(hex, radix: 16)!, to: &replacement)
            }
            table[Array(parts[0].utf8)] = replacement
        }
        return table
    }()

    /// The longest name in the table, its `;` included.
    private static let longestName = 32
    /// The longest legacy name, which HTML accepts without a `;`.
    private static let longestLegacyName = 6

    /// Decodes the reference that starts with the `&` at `bytes[index]`, appending its
    /// replacement to `out`, and returns the index just past it; returns `nil`, appending
    /// nothing, when no reference starts there (the `&` is then literal text).
    ///
    /// Numeric references may omit the `;`; code points that are zero, surrogates or above
    /// U+10FFFF become U+FFFD, and 0x80–0x9F are read as Windows-1252, as browsers do.
    /// Named references need their `;` except the legacy ones (`&amp`, `&eacute`, …), of
    /// which the longest matching prefix is taken.
    static func decode(_ bytes: ArraySlice<UInt8>, at index: Int, into out: inout [UInt8]) -> Int? {
        let next = index + 1
        guard next < bytes.endIndex else { return nil }
        if bytes[next] == UInt8(ascii: "#") { return decodeNumeric(bytes, from: next + 1, into: &out) }
        var end = next
        while end < bytes.endIndex, end - next < longestName, isAlphanumeric(bytes[end]) { end += 1 }
        guard end > next else { return nil }
        if end < bytes.endIndex, bytes[end] == UInt8(ascii: ";"),
           let replacement = named[Array(bytes[next...end])] {
            out.append(contentsOf: replacement)
            return end + 1
        }
        var length = min(end - next, longestLegacyName)
        while length >= 2 {
            if let replacement = named[Array(bytes[next..<next + length])] {
                out.append(contentsOf: replacement)
                return next + length
            }
            length -= 1
        }
        return nil
    }

    /// Decodes the digits after `&#`, starting at `start`.
    private static func decodeNumeric(_ bytes: ArraySlice<UInt8>, from start: Int, into out: inout [UInt8]) -> Int? {
        var index = start
        var radix: UInt32 = 10
        if index < bytes.endIndex, bytes[index] | 0x20 == UInt8(ascii: "x") {
            radix = 16
            index += 1
        }
        let digitsStart = index
        var value: UInt32 = 0
        while index < bytes.endIndex, let digit = digitValue(bytes[index], radix: radix) {
            value = min(value * radix + digit, 0x11_0000)
            index += 1
        }
        guard index > digitsStart else { return nil }
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ";") { index += 1 }
        appendScalar(numericReplacement(value), to: &out)
        return index
    }

    /// The code point a numeric reference to `value` stands for.
    private static func numericReplacement(_ value: UInt32) -> UInt32 {
        switch value {
        case 0, 0xD800...0xDFFF, 0x11_0000...: 0xFFFD
        case 0x80...0x9F: windows1252[Int(value - 0x80)]
        default: value
        }
    }

    /// What 0x80–0x9F mean in Windows-1252; the five unassigned ones stay as they are.
    private static let windows1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Appends the UTF-8 encoding of `value`, or of U+FFFD if it is not a scalar value.
    static func appendScalar(_ value: UInt32, to out: inout [UInt8]) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        UTF8.encode(scalar) { out.append($0) }
    }

    private static func digitValue(_ byte: UInt8, radix: UInt32) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"): true
        default: false
        }
    }
}
