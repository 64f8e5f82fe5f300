/// Turning raw file bytes into the normalized UTF-8 that the extractors work on.
enum TextDecoding {
    /// The bytes of `raw` without a leading UTF-8 byte order mark and with every CRLF pair
    /// and every lone CR replaced by LF. Invalid UTF-8 is left for ``string(from:)``.
    static func normalizedBytes(_ raw: UnsafeRawBufferPointer) -> [UInt8] {
        var start = 0
        if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF { start = 3 }
        var out = [UInt8]()
        out.reserveCapacity(raw.count - start)
        var index = start
        while index < raw.count {
            let byte = raw[index]
            index += 1
            if byte == UInt8(ascii: "\r") {
                out.append(UInt8(ascii: "\n"))
                if index < raw.count, raw[index] == UInt8(ascii: "\n") { index += 1 }
            } else {
                out.append(byte)
            }
        }
        return out
    }

    /// A string from UTF-8 bytes in which every ill-formed sequence becomes U+FFFD.
    static func string(from bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
