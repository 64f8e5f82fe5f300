// Unicode case mapping of single scalars.

/// The two case normalizations of the analyzer, applied scalar by scalar (no context, so a
/// final capital sigma becomes σ, as in Tantivy's lower-caser).
enum CaseMapping {
    /// The full lower-case mapping (Rust's `char::to_lowercase`), e.g. "İ" → "i̇".
    @inline(__always)
    static func lowercase(_ scalar: Unicode.Scalar, _ body: (Unicode.Scalar) -> Void) {
        guard ScalarTraits.of(scalar).contains(.changesWhenLowercased) else { return body(scalar) }
        for mapped in scalar.properties.lowercaseMapping.unicodeScalars {
            body(mapped)
        }
    }

    /// Full case folding, e.g. "ß" → "ss", "ς" → "σ", "ﬁ" → "fi". Computed as the lower case of
    /// the upper case of the lower case, which equals the CaseFolding.txt mappings (C + F) up to
    /// canonical equivalence; Cherokee small letters fold to the capitals as in CaseFolding.txt.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar, _ body: (Unicode.Scalar) -> Void) {
        guard ScalarTraits.of(scalar).contains(.changesWhenCaseFolded) else { return body(scalar) }
        let properties = scalar.properties
        if isCherokeeSmallLetter(scalar.value) {
            for mapped in properties.uppercaseMapping.unicodeScalars {
                body(mapped)
            }
            return
        }
        for lower in properties.lowercaseMapping.unicodeScalars {
            for upper in lower.properties.uppercaseMapping.unicodeScalars {
                lowercase(upper, body)
            }
        }
    }

    private static func isCherokeeSmallLetter(_ value: UInt32) -> Bool {
        (0x13F8...0x13FD).contains(value) || (0xAB70...0xABBF).contains(value)
    }
}
