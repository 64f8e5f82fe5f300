// Fast membership test for short ASCII words.

/// An immutable hash set of words of at most 16 bytes, looked up straight from a byte buffer
/// without creating strings. Each word is packed into two 64-bit integers (bytes 0–7 and
/// 8–15, zero-padded) and stored in an open-addressing table.
struct StopWordSet: Sendable {
    /// Interleaved (low, high) pairs; a (0, 0) pair is an empty slot.
    private let slots: [UInt64]
    private let mask: Int

    /// Builds the set. Every word must be 1–16 bytes without NUL bytes.
    init(_ words: [StaticString]) {
        var capacity = 16
        while capacity < words.count * 4 { capacity *= 2 }
        var slots = [UInt64](repeating: 0, count: capacity * 2)
        let mask = capacity - 1
        for word in words {
            precondition((1...16).contains(word.utf8CodeUnitCount), "stop words are 1-16 bytes")
            let (low, high) = Self.pack(word.utf8Start, count: word.utf8CodeUnitCount)
            var slot = Self.hash(low, high) & mask
            while slots[2 * slot] != 0 || slots[2 * slot + 1] != 0 {
                slot = (slot + 1) & mask
            }
            slots[2 * slot] = low
            slots[2 * slot + 1] = high
        }
        self.slots = slots
        self.mask = mask
    }

    /// Whether the `count` bytes at `bytes` are one of the words.
    @inline(__always)
    func contains(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard count >= 1, count <= 16 else { return false }
        let (low, high) = Self.pack(bytes, count: count)
        var slot = Self.hash(low, high) & mask
        while true {
            let storedLow = slots[2 * slot]
            let storedHigh = slots[2 * slot + 1]
            if storedLow == low && storedHigh == high { return true }
            if storedLow == 0 && storedHigh == 0 { return false }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func pack(_ bytes: UnsafePointer<UInt8>, count: Int) -> (UInt64, UInt64) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for index in 0..<min(count, 8) {
            low |= UInt64(bytes[index]) << UInt64(8 * index)
        }
        if count > 8 {
            for index in 8..<count {
                high |= UInt64(bytes[index]) << UInt64(8 * (index - 8))
            }
        }
        return (low, high)
    }

    @inline(__always)
    private static func hash(_ low: UInt64, _ high: UInt64) -> Int {
        let mixed = (low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed >> 40)
    }
}

extension EnglishStopWords {
    /// The English stop words as a set for the analyzer.
    static let set = StopWordSet(words)
}
