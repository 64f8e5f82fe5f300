// Porter2 preparation: the leading apostrophe, consonant-y marking and the regions R1 and R2.

extension Porter2Word {
    /// Drops one leading apostrophe, then marks as `Y` an initial y and every y that follows a
    /// vowel (such a y is a consonant). Returns whether any y was marked.
    mutating func prepare() -> Bool {
        if count > 0, bytes[0] == UInt8(ascii: "'") {
            for index in 1..<count {
                bytes[index - 1] = bytes[index]
            }
            count -= 1
        }
        var marked = false
        for index in 0..<count where bytes[index] == UInt8(ascii: "y") {
            if index == 0 || Porter2Letters.isVowel(bytes[index - 1]) {
                bytes[index] = UInt8(ascii: "Y")
                marked = true
            }
        }
        return marked
    }

    /// Sets R1 and R2. R1 starts after the first non-vowel that follows a vowel, except that for
    /// words beginning with one of the exceptional prefixes it starts right after the prefix. R2
    /// starts after the first non-vowel that follows a vowel inside R1. An empty region starts at
    /// the end of the word.
    mutating func markRegions() {
        r1 = count
        r2 = count
        if let prefixLength = exceptionalPrefixLength() {
            r1 = prefixLength
        } else {
            guard let start = positionAfterVowelAndNonVowel(from: 0) else { return }
            r1 = start
        }
        r2 = positionAfterVowelAndNonVowel(from: r1) ?? count
    }

    /// The position just past the first non-vowel that follows a vowel at or after `start`.
    private func positionAfterVowelAndNonVowel(from start: Int) -> Int? {
        var index = start
        while index < count, !Porter2Letters.isVowel(bytes[index]) { index += 1 }
        while index < count, Porter2Letters.isVowel(bytes[index]) { index += 1 }
        return index < count ? index + 1 : nil
    }

    /// The length of the exceptional prefix the word begins with, if any. For these stems R1 is
    /// set to start after the prefix so that e.g. "general" and "generate" stay apart.
    private func exceptionalPrefixLength() -> Int? {
        guard count >= 4 else { return nil }
        switch bytes[0] {
        case UInt8(ascii: "a"): return prefix(5, equals: "arsen") ? 5 : nil
        case UInt8(ascii: "c"): return prefix(6, equals: "commun") ? 6 : nil
        case UInt8(ascii: "e"): return prefix(5, equals: "emerg") ? 5 : nil
        case UInt8(ascii: "g"): return prefix(5, equals: "gener") ? 5 : nil
        case UInt8(ascii: "i"): return prefix(5, equals: "inter") ? 5 : nil
        case UInt8(ascii: "l"): return prefix(5, equals: "later") ? 5 : nil
        case UInt8(ascii: "o"): return prefix(5, equals: "organ") ? 5 : nil
        case UInt8(ascii: "p"): return prefix(4, equals: "past") ? 4 : nil
        case UInt8(ascii: "u"): return prefix(7, equals: "univers") ? 7 : nil
        default: return nil
        }
    }
}
