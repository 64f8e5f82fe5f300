// Porter2 steps 2 to 5: derivational suffixes and the final e / ll.
//
// In each step only the longest matching suffix counts: when it fails its region test or its
// condition, the step does nothing (a shorter suffix is not tried). The if-chains below are
// grouped by final letter and ordered longest first to get exactly that.

extension Porter2Word {
    /// Step 2: suffixes in R1 such as -ational, -izer, -fulness, -li.
    mutating func step2() {
        guard count >= 2 else { return }
        switch bytes[count - 1] {
        case UInt8(ascii: "l"):
            if ends(with: "ational") {
                replaceInR1(length: 7, with: "ate")
            } else if ends(with: "tional") {
                replaceInR1(length: 6, with: "tion")
            }
        case UInt8(ascii: "i"):
            step2EndingInI()
        case UInt8(ascii: "r"):
            if ends(with: "izer") {
                replaceInR1(length: 4, with: "ize")
            } else if ends(with: "ator") {
                replaceInR1(length: 4, with: "ate")
            }
        case UInt8(ascii: "n"):
            if ends(with: "ization") {
                replaceInR1(length: 7, with: "ize")
            } else if ends(with: "ation") {
                replaceInR1(length: 5, with: "ate")
            }
        case UInt8(ascii: "m"):
            if ends(with: "alism") {
                replaceInR1(length: 5, with: "al")
            }
        case UInt8(ascii: "s"):
            if ends(with: "fulness") {
                replaceInR1(length: 7, with: "ful")
            } else if ends(with: "ousness") {
                replaceInR1(length: 7, with: "ous")
            } else if ends(with: "iveness") {
                replaceInR1(length: 7, with: "ive")
            }
        case UInt8(ascii: "t"):
            if ends(with: "ogist") {
                replaceInR1(length: 5, with: "og")
            }
        default:
            break
        }
    }

    /// Step 2 for words ending in i (-biliti, -lessli, -enci, -bli, -ogi, -li, ...).
    private mutating func step2EndingInI() {
        if ends(with: "biliti") {
            replaceInR1(length: 6, with: "ble")
        } else if ends(with: "lessli") {
            replaceInR1(length: 6, with: "less")
        } else if ends(with: "entli") {
            replaceInR1(length: 5, with: "ent")
        } else if ends(with: "aliti") {
            replaceInR1(length: 5, with: "al")
        } else if ends(with: "ousli") {
            replaceInR1(length: 5, with: "ous")
        } else if ends(with: "iviti") {
            replaceInR1(length: 5, with: "ive")
        } else if ends(with: "fulli") {
            replaceInR1(length: 5, with: "ful")
        } else if ends(with: "enci") {
            replaceInR1(length: 4, with: "ence")
        } else if ends(with: "anci") {
            replaceInR1(length: 4, with: "ance")
        } else if ends(with: "abli") {
            replaceInR1(length: 4, with: "able")
        } else if ends(with: "alli") {
            replaceInR1(length: 4, with: "al")
        } else if ends(with: "bli") {
            replaceInR1(length: 3, with: "ble")
        } else if ends(with: "ogi") {
            // -ogi -> -og only after an l (geologi -> geolog).
            if count - 3 >= r1, count >= 4, bytes[count - 4] == UInt8(ascii: "l") {
                replaceSuffix(length: 3, with: "og")
            }
        } else if ends(with: "li") {
            if count - 2 >= r1, count >= 3, Porter2Letters.isValidLIEnding(bytes[count - 3]) {
                count -= 2
            }
        }
    }

    /// Step 3: suffixes in R1 such as -alize, -icate, -ful, -ness; -ative only in R2.
    mutating func step3() {
        guard count >= 3 else { return }
        switch bytes[count - 1] {
        case UInt8(ascii: "l"):
            if ends(with: "ational") {
                replaceInR1(length: 7, with: "ate")
            } else if ends(with: "tional") {
                replaceInR1(length: 6, with: "tion")
            } else if ends(with: "ical") {
                replaceInR1(length: 4, with: "ic")
            } else if ends(with: "ful") {
                replaceInR1(length: 3, with: "")
            }
        case UInt8(ascii: "e"):
            if ends(with: "alize") {
                replaceInR1(length: 5, with: "al")
            } else if ends(with: "icate") {
                replaceInR1(length: 5, with: "ic")
            } else if ends(with: "ative"), count - 5 >= r2 {
                count -= 5
            }
        case UInt8(ascii: "i"):
            if ends(with: "iciti") {
                replaceInR1(length: 5, with: "ic")
            }
        case UInt8(ascii: "s"):
            if ends(with: "ness") {
                replaceInR1(length: 4, with: "")
            }
        default:
            break
        }
    }

    /// Step 4: suffixes deleted when in R2 (-al, -ance, -ement, -ion after s or t, ...).
    mutating func step4() {
        guard count >= 2 else { return }
        let length: Int
        switch bytes[count - 1] {
        case UInt8(ascii: "l"):
            length = ends(with: "al") ? 2 : 0
        case UInt8(ascii: "e"):
            if ends(with: "ance") || ends(with: "ence") || ends(with: "able") || ends(with: "ible") {
                length = 4
            } else if ends(with: "ate") || ends(with: "ive") || ends(with: "ize") {
                length = 3
            } else {
                length = 0
            }
        case UInt8(ascii: "r"):
            length = ends(with: "er") ? 2 : 0
        case UInt8(ascii: "c"):
            length = ends(with: "ic") ? 2 : 0
        case UInt8(ascii: "t"):
            if ends(with: "ement") {
                length = 5
            } else if ends(with: "ment") {
                length = 4
            } else if ends(with: "ant") || ends(with: "ent") {
                length = 3
            } else {
                length = 0
            }
        case UInt8(ascii: "m"):
            length = ends(with: "ism") ? 3 : 0
        case UInt8(ascii: "i"):
            length = ends(with: "iti") ? 3 : 0
        case UInt8(ascii: "s"):
            length = ends(with: "ous") ? 3 : 0
        case UInt8(ascii: "n"):
            // -ion only after s or t.
            let before = count >= 4 ? bytes[count - 4] : 0
            let afterSOrT = before == UInt8(ascii: "s") || before == UInt8(ascii: "t")
            length = afterSOrT && ends(with: "ion") ? 3 : 0
        default:
            length = 0
        }
        if length > 0, count - length >= r2 {
            count -= length
        }
    }

    /// Step 5: a final e goes if in R2, or in R1 and not after a short syllable; a final l goes
    /// if in R2 and after another l.
    mutating func step5() {
        guard count >= 1 else { return }
        let last = count - 1
        switch bytes[last] {
        case UInt8(ascii: "e"):
            if last >= r2 || (last >= r1 && !endsInShortSyllable(at: last)) {
                count -= 1
            }
        case UInt8(ascii: "l"):
            if last >= r2, last >= 1, bytes[last - 1] == UInt8(ascii: "l") {
                count -= 1
            }
        default:
            break
        }
    }

    /// Replaces the last `length` bytes by `replacement` when they lie in R1.
    @inline(__always)
    private mutating func replaceInR1(length: Int, with replacement: StaticString) {
        if count - length >= r1 {
            replaceSuffix(length: length, with: replacement)
        }
    }
}
