/// Word-at-a-time scanning for the bytes that end the plain ASCII run of a JSON string.
enum JSONScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The index of the first byte at or after `start` that is `"`, `\`, a control
    /// character below 0x20 or a non-ASCII byte (0x80 and above), or `bytes.count` (or
    /// `start`, if larger) when there is none.
    ///
    /// Examines eight bytes per step. A byte is flagged when its high bit is set, or when
    /// subtracting 0x20 from it, or 1 from it XOR `"` or `\`, borrows into its high bit.
    /// A borrow can flag bytes after a true match but never before one, so the lowest flag
    /// is exact.
    @inline(__always)
    static func stringSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = bytes.count
        guard start < count, let base = bytes.baseAddress else { return max(start, count) }
        var index = start
        while index &+ 8 <= count {
            let flags = specialFlags(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            if flags != 0 { return index &+ (flags.trailingZeroBitCount &>> 3) }
            index &+= 8
        }
        while index < count {
            let byte = base[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return index }
            index &+= 1
        }
        return count
    }

    /// The high bit of each byte of `word` that may be special, lowest flag exact.
    @inline(__always)
    private static func specialFlags(_ word: UInt64) -> UInt64 {
        let word = UInt64(littleEndian: word)
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        return ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- ones &* 0x20) | word) & highBits
    }
}
