// The word that the Porter2 (Snowball English) stemmer works on, and the letter classes and
// suffix tests its steps are written with.
//
// The stemmer works on bytes: ASCII letters as themselves, every non-ASCII character as one
// placeholder byte (≥ 0x80) that the algorithm treats as a plain non-vowel. All edits happen at
// the end of the word (apart from dropping one leading apostrophe), and the word never grows, so
// it is edited in place in the caller's buffer.

/// A word being stemmed, in place, in a caller-owned buffer.
struct Porter2Word {
    /// The word's bytes; `count` of them are valid.
    let bytes: UnsafeMutablePointer<UInt8>
    /// The current length of the word.
    var count: Int
    /// Start of region R1 (see the algorithm); `count` when R1 is empty.
    var r1: Int
    /// Start of region R2; `count` when R2 is empty.
    var r2: Int

    init(bytes: UnsafeMutablePointer<UInt8>, count: Int) {
        self.bytes = bytes
        self.count = count
        self.r1 = count
        self.r2 = count
    }

    /// Whether the word ends with `suffix` (ASCII).
    @inline(__always)
    func ends(with suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard length <= count else { return false }
        let start = count - length
        let pattern = suffix.utf8Start
        for offset in 0..<length where bytes[start + offset] != pattern[offset] {
            return false
        }
        return true
    }

    /// Whether the whole word equals `word` (ASCII).
    @inline(__always)
    func equals(_ word: StaticString) -> Bool {
        word.utf8CodeUnitCount == count && ends(with: word)
    }

    /// Whether the first `length` bytes equal `prefix`.
    @inline(__always)
    func prefix(_ length: Int, equals prefix: StaticString) -> Bool {
        guard prefix.utf8CodeUnitCount == length, length <= count else { return false }
        let pattern = prefix.utf8Start
        for offset in 0..<length where bytes[offset] != pattern[offset] {
            return false
        }
        return true
    }

    /// Replaces the last `length` bytes by `replacement` (never longer than `length`).
    @inline(__always)
    mutating func replaceSuffix(length: Int, with replacement: StaticString) {
        let start = count - length
        let pattern = replacement.utf8Start
        for offset in 0..<replacement.utf8CodeUnitCount {
            bytes[start + offset] = pattern[offset]
        }
        count = start + replacement.utf8CodeUnitCount
    }

    /// Whether `bytes[0..<end]` contains a vowel.
    @inline(__always)
    func containsVowel(before end: Int) -> Bool {
        var index = 0
        while index < end {
            if Porter2Letters.isVowel(bytes[index]) { return true }
            index += 1
        }
        return false
    }

    /// Whether the word up to `end` ends in a short syllable (the algorithm's `shortv`): a
    /// non-vowel, a vowel, then a non-vowel other than w, x or Y; or a vowel at the start of the
    /// word followed by a non-vowel; or exactly the letters "past".
    func endsInShortSyllable(at end: Int) -> Bool {
        if end >= 3, !Porter2Letters.isVowelOrWXY(bytes[end - 1]), Porter2Letters.isVowel(bytes[end - 2]),
            !Porter2Letters.isVowel(bytes[end - 3])
        {
            return true
        }
        if end == 2, !Porter2Letters.isVowel(bytes[1]), Porter2Letters.isVowel(bytes[0]) {
            return true
        }
        return end >= 4 && bytes[end - 4] == UInt8(ascii: "p") && bytes[end - 3] == UInt8(ascii: "a")
            && bytes[end - 2] == UInt8(ascii: "s") && bytes[end - 1] == UInt8(ascii: "t")
    }
}

/// The letter classes of the Porter2 algorithm.
enum Porter2Letters {
    /// a e i o u y (lower case only: a marked `Y` is a consonant).
    @inline(__always)
    static func isVowel(_ byte: UInt8) -> Bool {
        let offset = byte &- UInt8(ascii: "a")
        return offset < 26 && (vowelMask >> UInt32(offset)) & 1 != 0
    }

    /// A vowel, or w, x or Y (the complement of the algorithm's `non-v_WXY`).
    @inline(__always)
    static func isVowelOrWXY(_ byte: UInt8) -> Bool {
        isVowel(byte) || byte == UInt8(ascii: "w") || byte == UInt8(ascii: "x") || byte == UInt8(ascii: "Y")
    }

    /// A letter that may come before a removable "li": c d e g h k m n r t.
    @inline(__always)
    static func isValidLIEnding(_ byte: UInt8) -> Bool {
        let offset = byte &- UInt8(ascii: "a")
        return offset < 26 && (validLIMask >> UInt32(offset)) & 1 != 0
    }

    /// One of the doubled consonants that step 1b undoubles: b d f g m n p r t.
    @inline(__always)
    static func isDoubleable(_ byte: UInt8) -> Bool {
        let offset = byte &- UInt8(ascii: "a")
        return offset < 26 && (doubleMask >> UInt32(offset)) & 1 != 0
    }

    // Bit n stands for the letter "a" + n.
    private static let vowelMask: UInt32 = 0x0110_4111  // a e i o u y
    private static let validLIMask: UInt32 = 0x000A_34DC  // c d e g h k m n r t
    private static let doubleMask: UInt32 = 0x000A_B06A  // b d f g m n p r t
}
