// The per-character normalization of the analyzer.

/// Case mapping followed by optional diacritic folding, for one scalar at a time.
struct ScalarNormalizer {
    /// Full case folding when true, plain lower-casing when false.
    let caseFolding: Bool
    /// Whether diacritics are removed after the case mapping.
    let foldDiacritics: Bool

    /// Calls `body` with each scalar that `scalar` normalizes to (none, one or several).
    @inline(__always)
    func normalize(_ scalar: Unicode.Scalar, _ body: (Unicode.Scalar) -> Void) {
        if scalar.isASCII {
            return body(Unicode.Scalar(ASCIILowercase.map(UInt8(truncatingIfNeeded: scalar.value))))
        }
        if caseFolding {
            CaseMapping.fold(scalar) { mapped in diacritics(mapped, body) }
        } else {
            CaseMapping.lowercase(scalar) { mapped in diacritics(mapped, body) }
        }
    }

    @inline(__always)
    private func diacritics(_ scalar: Unicode.Scalar, _ body: (Unicode.Scalar) -> Void) {
        if foldDiacritics {
            DiacriticFolding.fold(scalar, body)
        } else {
            body(scalar)
        }
    }
}

/// ASCII lower-casing of single bytes.
enum ASCIILowercase {
    /// `byte` with A–Z mapped to a–z; every other byte unchanged.
    @inline(__always)
    static func map(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }
}
