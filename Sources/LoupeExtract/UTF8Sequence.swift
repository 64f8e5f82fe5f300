/// Classification of the UTF-8 sequence that starts at a non-ASCII byte.
enum UTF8Sequence: Equatable {
    /// A well-formed sequence of this many bytes.
    case valid(Int)
    /// A prefix of a well-formed sequence that the buffer ends in the middle of.
    case truncated
    /// The byte cannot start a well-formed sequence here.
    case invalid

    /// Classifies the sequence starting at `bytes[index]`, following the table of
    /// well-formed byte sequences in the Unicode standard (no overlongs, no surrogates,
    /// nothing above U+10FFFF).
    static func length(in bytes: UnsafeRawBufferPointer, at index: Int) -> UTF8Sequence {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0x00...0x7F: return .valid(1)
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return .invalid
        }
        for offset in 1..<length {
            guard index + offset < bytes.count else { return .truncated }
            let byte = bytes[index + offset]
            let (min, max) = offset == 1 ? (low, high) : (0x80, 0xBF)
            guard byte >= min, byte <= max else { return .invalid }
        }
        return .valid(length)
    }
}
