// Porter2 steps 0 and 1: apostrophe-s, plurals, -ed/-ing forms and final y.

extension Porter2Word {
    /// Step 0 and step 1a: removes a possessive ('s', 's, ') then handles plural endings.
    mutating func step1a() {
        if ends(with: "'s'") {
            count -= 3
        } else if ends(with: "'s") {
            count -= 2
        } else if ends(with: "'") {
            count -= 1
        }

        if ends(with: "sses") {
            count -= 2
        } else if ends(with: "ied") || ends(with: "ies") {
            // -> "i" after more than one letter, otherwise "ie" (ties -> tie, cries -> cri).
            let stem = count - 3
            count = stem + (stem >= 2 ? 1 : 2)
        } else if ends(with: "us") || ends(with: "ss") {
            return
        } else if ends(with: "s"), containsVowel(before: count - 2) {
            // Only when a vowel occurs before the letter preceding the s (gas, this keep it).
            count -= 1
        }
    }

    /// Step 1b: -eed, -eedly, -ed, -edly, -ing, -ingly.
    mutating func step1b() {
        if ends(with: "eedly") {
            removeEed(suffixLength: 5)
        } else if ends(with: "ingly") {
            removeVerbalSuffix(length: 5)
        } else if ends(with: "edly") {
            removeVerbalSuffix(length: 4)
        } else if ends(with: "eed") {
            removeEed(suffixLength: 3)
        } else if ends(with: "ing") {
            if !applyIngException() {
                removeVerbalSuffix(length: 3)
            }
        } else if ends(with: "ed") {
            removeVerbalSuffix(length: 2)
        }
    }

    /// Step 1c: a final y or Y after a non-vowel that is not the first letter becomes i.
    mutating func step1c() {
        guard count >= 3 else { return }
        let last = bytes[count - 1]
        if last == UInt8(ascii: "y") || last == UInt8(ascii: "Y"), !Porter2Letters.isVowel(bytes[count - 2]) {
            bytes[count - 1] = UInt8(ascii: "i")
        }
    }

    /// -eed and -eedly become -ee in R1, except in proceed, exceed and succeed.
    private mutating func removeEed(suffixLength: Int) {
        let stem = count - suffixLength
        if prefix(stem, equals: "proc") || prefix(stem, equals: "exc") || prefix(stem, equals: "succ") {
            return
        }
        if stem >= r1 {
            count = stem + 2
        }
    }

    /// The -ing exceptions: a non-vowel plus y before -ing becomes -ie (dying -> die), and inning,
    /// outing, canning, herring, earring and evening stay. Returns whether one applied.
    private mutating func applyIngException() -> Bool {
        let stem = count - 3
        if stem == 2, bytes[1] == UInt8(ascii: "y"), !Porter2Letters.isVowel(bytes[0]) {
            replaceSuffix(length: 4, with: "ie")
            return true
        }
        return prefix(stem, equals: "inn") || prefix(stem, equals: "out") || prefix(stem, equals: "cann")
            || prefix(stem, equals: "herr") || prefix(stem, equals: "earr") || prefix(stem, equals: "even")
    }

    /// Deletes -ed, -edly, -ing or -ingly when the rest contains a vowel, then tidies the new
    /// ending: at, bl, iz gain an e; a double consonant loses one letter (but not in a word that is
    /// exactly a, e or o plus the double); a short word gains an e (hop -> hope).
    private mutating func removeVerbalSuffix(length: Int) {
        let stem = count - length
        guard containsVowel(before: stem) else { return }
        count = stem
        if ends(with: "at") || ends(with: "bl") || ends(with: "iz") {
            appendE()
        } else if count >= 2, bytes[count - 1] == bytes[count - 2], Porter2Letters.isDoubleable(bytes[count - 1]) {
            let isVowelPlusDouble =
                count == 3
                && (bytes[0] == UInt8(ascii: "a") || bytes[0] == UInt8(ascii: "e") || bytes[0] == UInt8(ascii: "o"))
            if !isVowelPlusDouble {
                count -= 1
            }
        } else if count == r1, endsInShortSyllable(at: count) {
            appendE()
        }
    }

    /// Appends an e; there is room because a longer suffix was just removed.
    private mutating func appendE() {
        bytes[count] = UInt8(ascii: "e")
        count += 1
    }
}
