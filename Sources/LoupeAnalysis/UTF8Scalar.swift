// Decoding and encoding single Unicode scalars in UTF-8 buffers.

/// UTF-8 helpers for the analyzer's byte loops.
enum UTF8Scalar {
    /// Whether `byte` is a continuation byte (10xxxxxx).
    @inline(__always)
    static func isContinuation(_ byte: UInt8) -> Bool {
        byte & 0xC0 == 0x80
    }

    /// Decodes the scalar starting at `bytes[index]` (which must be ≥ 0x80) with `end` bytes
    /// available. Returns the scalar and its length in bytes, or nil and 1 for an ill-formed
    /// sequence (overlong forms, surrogates, values above U+10FFFF, truncation), following the
    /// well-formed byte sequences of the Unicode standard (table 3-7).
    static func decode(_ bytes: UnsafeRawPointer, at index: Int, end: Int) -> (scalar: Unicode.Scalar?, length: Int) {
        let lead = bytes.load(fromByteOffset: index, as: UInt8.self)
        let length: Int
        var lowest: UInt8 = 0x80
        var highest: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF:
            length = 2
        case 0xE0:
            length = 3
            lowest = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF:
            length = 3
        case 0xED:
            length = 3
            highest = 0x9F
        case 0xF0:
            length = 4
            lowest = 0x90
        case 0xF1...0xF3:
            length = 4
        case 0xF4:
            length = 4
            highest = 0x8F
        default:
            return (nil, 1)
        }
        guard end - index >= length else { return (nil, 1) }
        let second = bytes.load(fromByteOffset: index + 1, as: UInt8.self)
        guard second >= lowest, second <= highest else { return (nil, 1) }
        var value = UInt32(lead) & (0x7F >> UInt32(length))
        value = value << 6 | UInt32(second & 0x3F)
        for offset in 2..<length {
            let byte = bytes.load(fromByteOffset: index + offset, as: UInt8.self)
            guard isContinuation(byte) else { return (nil, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value), length)
    }

    /// Writes the UTF-8 encoding of `scalar` at `bytes[index...]` (room for 4 bytes needed) and
    /// returns the number of bytes written.
    @inline(__always)
    static func encode(_ scalar: Unicode.Scalar, into bytes: UnsafeMutablePointer<UInt8>, at index: Int) -> Int {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            bytes[index] = UInt8(value)
            return 1
        case 0x80..<0x800:
            bytes[index] = UInt8(0xC0 | value >> 6)
            bytes[index + 1] = UInt8(0x80 | value & 0x3F)
            return 2
        case 0x800..<0x10000:
            bytes[index] = UInt8(0xE0 | value >> 12)
            bytes[index + 1] = UInt8(0x80 | (value >> 6) & 0x3F)
            bytes[index + 2] = UInt8(0x80 | value & 0x3F)
            return 3
        default:
            bytes[index] = UInt8(0xF0 | value >> 18)
            bytes[index + 1] = UInt8(0x80 | (value >> 12) & 0x3F)
            bytes[index + 2] = UInt8(0x80 | (value >> 6) & 0x3F)
            bytes[index + 3] = UInt8(0x80 | value & 0x3F)
            return 4
        }
    }
}
