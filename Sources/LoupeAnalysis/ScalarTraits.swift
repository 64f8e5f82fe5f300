// The Unicode facts the analyzer asks about each character, precomputed for the common plane.

/// What the analyzer needs to know about a character: whether it belongs in tokens and whether
/// the case mappings change it. Taken from the Swift standard library's Unicode data; looked up
/// in a table for the Basic Multilingual Plane (built once, on first use) because the standard
/// library's property lookups are comparatively slow.
struct ScalarTraits: OptionSet, Sendable {
    let rawValue: UInt8

    /// Part of tokens: exactly Rust's `char::is_alphanumeric`, i.e. the derived property
    /// Alphabetic or the general categories Nd, Nl and No (as in Tantivy's simple tokenizer).
    /// Everything else (punctuation, spaces, symbols, the underscore, most combining marks,
    /// emoji) separates tokens.
    static let alphanumeric = ScalarTraits(rawValue: 1)
    /// The lower-case mapping differs from the character.
    static let changesWhenLowercased = ScalarTraits(rawValue: 2)
    /// Case folding changes the character (up to canonical equivalence).
    static let changesWhenCaseFolded = ScalarTraits(rawValue: 4)

    /// The traits of `scalar`.
    @inline(__always)
    static func of(_ scalar: Unicode.Scalar) -> ScalarTraits {
        let value = scalar.value
        if value < 0x10000 {
            return ScalarTraits(rawValue: basicPlane[Int(value)])
        }
        return computed(scalar)
    }

    /// Whether an ASCII byte is a letter or a digit.
    @inline(__always)
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
    }

    private static func computed(_ scalar: Unicode.Scalar) -> ScalarTraits {
        let properties = scalar.properties
        var traits: ScalarTraits = []
        if properties.isAlphabetic {
            traits.insert(.alphanumeric)
        } else {
            switch properties.generalCategory {
            case .decimalNumber, .letterNumber, .otherNumber: traits.insert(.alphanumeric)
            default: break
            }
        }
        if properties.changesWhenLowercased { traits.insert(.changesWhenLowercased) }
        if properties.changesWhenCaseFolded { traits.insert(.changesWhenCaseFolded) }
        return traits
    }

    /// The traits of every Basic Multilingual Plane code point (surrogates have none).
    private static let basicPlane: [UInt8] = (UInt32(0)..<0x10000).map { value in
        Unicode.Scalar(value).map { computed($0).rawValue } ?? 0
    }
}
