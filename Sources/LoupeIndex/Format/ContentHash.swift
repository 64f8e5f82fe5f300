import CXXHash

/// The 64-bit hash of a document's title and text that its record keeps, by which a later run
/// recognises the document unchanged without reading its stored text.
///
/// Records hold XXH3-64 (xxHash's 64-bit hash, whose values are stable across versions and
/// platforms, as Swift's `Hasher`'s are not) of the text, seeded with that of the title. Records
/// written before it hold FNV-1a (64-bit) over the title and the text, each followed by a 0 byte:
/// a byte at a time, four cycles each, it was 3 % of a bulk load's CPU time. ``matches(_:title:text:)``
/// recognises both, so an index written before keeps its unchanged documents unchanged; a
/// document that changes is written with XXH3.
public enum ContentHash {
    /// The hash a record keeps for `title` and `text`.
    public static func of(title: String, text: String) -> UInt64 {
        hash(text, seed: hash(title, seed: 0))
    }

    /// Whether `stored`, a record's hash, is that of `title` and `text`: as ``of(title:text:)``
    /// gives it, or as records written before it hold (FNV-1a).
    public static func matches(_ stored: UInt64, title: String, text: String) -> Bool {
        stored == of(title: title, text: text) || stored == fnv1a(title: title, text: text)
    }

    /// XXH3-64 of `string`'s UTF-8 bytes with `seed`.
    private static func hash(_ string: String, seed: UInt64) -> UInt64 {
        var string = string
        return string.withUTF8 { XXH3_64bits_withSeed($0.baseAddress, $0.count, seed) }
    }

    /// FNV-1a (64-bit) over the UTF-8 bytes of `title` and `text`, each followed by a 0 byte:
    /// the hash of records written before XXH3.
    static func fnv1a(title: String, text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for part in [title, text] {
            var part = part
            part.withUTF8 { utf8 in
                for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
            }
            hash = (hash ^ 0) &* 0x100_0000_01B3
        }
        return hash
    }
}
