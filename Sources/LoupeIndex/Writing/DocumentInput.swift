import LoupeExtract

/// A document to add to the index, as extraction produced it.
public struct DocumentInput: Sendable {
    /// The stable external id (path relative to the indexed root, or the JSONL `id`).
    public var id: String
    public var title: String
    public var text: String
    /// Where it came from (absolute file path, or `jsonl:FILE`).
    public var source: String
    /// Modification time of the source in nanoseconds since 1970.
    public var mtimeNanoseconds: Int64
    /// Size of the source in bytes.
    public var size: UInt64
    /// What the document's filters test: its type, extension, date and the format's fields.
    public var metadata: DocumentMetadata

    public init(id: String, title: String, text: String, source: String = "", mtimeNanoseconds: Int64 = 0, size: UInt64? = nil,
                metadata: DocumentMetadata? = nil) {
        self.id = id
        self.title = title
        self.text = text
        self.source = source
        self.mtimeNanoseconds = mtimeNanoseconds
        self.size = size ?? UInt64(text.utf8.count)
        self.metadata = metadata ?? DocumentMetadata(modified: mtimeNanoseconds / 1_000_000_000)
    }

    /// A 64-bit hash of the title and text, used to recognise unchanged content.
    public var contentHash: UInt64 { ContentHash.of(title, text) }
}

/// FNV-1a (64-bit) over UTF-8: stable across runs and platforms, which Swift's `Hasher` is not.
public enum ContentHash {
    /// The hash of the given strings, each followed by a 0 separator.
    public static func of(_ parts: String...) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for part in parts {
            var s = part
            s.withUTF8 { utf8 in
                for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
            }
            hash = (hash ^ 0) &* 0x100_0000_01B3
        }
        return hash
    }
}
