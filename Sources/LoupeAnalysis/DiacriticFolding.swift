// Removing diacritics from single scalars.

import Foundation

/// Diacritic folding: a letter is canonically decomposed (NFD) and the combining marks of the
/// Combining Diacritical Marks blocks are dropped (U+0300–036F, U+1AB0–1AFF, U+1DC0–1DFF,
/// U+20D0–20FF, U+FE20–FE2F), so é → e, ñ → n, Å → A, ǖ → u, ώ → ω, й → и, ё → е. A lone
/// mark from those blocks is dropped. In addition these letters with a stroke, which have no
/// decomposition, lose it: ø → o, đ → d, ł → l, ħ → h, ŧ → t, and dotless ı → i (and their
/// capitals). Marks outside those blocks (kana voicing marks, Indic nuktas, Hebrew points, Hangul
/// jamo) are left alone, so those scripts are not changed. Ligatures (æ, œ) and ß are not
/// diacritics and are kept.
///
/// All letters whose decomposition holds such a mark lie in U+00C0–04FF, U+1E00–1FFF and
/// U+212B (a test checks this against Foundation for the whole Basic Multilingual Plane); the
/// folded letters of those ranges are computed once, on first use, with Foundation's NFD.
enum DiacriticFolding {
    /// Calls `body` with the folded form of `scalar`: itself, its base letter, or nothing.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar, _ body: (Unicode.Scalar) -> Void) {
        let value = scalar.value
        let folded: UInt16
        if latinGreekCyrillic.contains(value) {
            if isDroppedMark(value) { return }
            folded = tables.latinGreekCyrillic[Int(value - latinGreekCyrillic.lowerBound)]
        } else if extendedLatinGreek.contains(value) {
            folded = tables.extendedLatinGreek[Int(value - extendedLatinGreek.lowerBound)]
        } else if value == angstromSign {
            folded = UInt16(UInt8(ascii: "A"))
        } else if isDroppedMark(value) {
            return
        } else {
            return body(scalar)
        }
        body(folded == 0 ? scalar : Unicode.Scalar(folded)!)
    }

    /// Whether `value` is a combining mark that folding drops.
    static func isDroppedMark(_ value: UInt32) -> Bool {
        (0x0300...0x036F).contains(value) || (0x1AB0...0x1AFF).contains(value)
            || (0x1DC0...0x1DFF).contains(value) || (0x20D0...0x20FF).contains(value)
            || (0xFE20...0xFE2F).contains(value)
    }

    private static let latinGreekCyrillic: Range<UInt32> = 0x00C0..<0x0500
    private static let extendedLatinGreek: Range<UInt32> = 0x1E00..<0x2000
    private static let angstromSign: UInt32 = 0x212B

    /// The folded letter for each code point of the two ranges; 0 where nothing changes.
    private struct Tables {
        let latinGreekCyrillic: [UInt16]
        let extendedLatinGreek: [UInt16]
    }

    private static let tables = Tables(
        latinGreekCyrillic: foldedLetters(latinGreekCyrillic),
        extendedLatinGreek: foldedLetters(extendedLatinGreek)
    )

    private static func foldedLetters(_ range: Range<UInt32>) -> [UInt16] {
        range.map { value in
            if let base = strokeLetterBase(value) { return UInt16(base.value) }
            guard let scalar = Unicode.Scalar(value), !isDroppedMark(value) else { return 0 }
            let decomposed = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars
            let kept = decomposed.filter { !isDroppedMark($0.value) }
            guard kept.count == 1, kept.count < decomposed.count, let base = kept.first, base.value < 0x10000 else {
                return 0
            }
            return UInt16(base.value)
        }
    }

    private static func strokeLetterBase(_ value: UInt32) -> Unicode.Scalar? {
        switch value {
        case 0x00D8: "O"  // Ø
        case 0x00F8: "o"  // ø
        case 0x0110: "D"  // Đ
        case 0x0111: "d"  // đ
        case 0x0126: "H"  // Ħ
        case 0x0127: "h"  // ħ
        case 0x0131: "i"  // ı
        case 0x0141: "L"  // Ł
        case 0x0142: "l"  // ł
        case 0x0166: "T"  // Ŧ
        case 0x0167: "t"  // ŧ
        default: nil
        }
    }
}
