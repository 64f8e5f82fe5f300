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

    /// A 64-bit hash of the title and text, which the record keeps (``ContentHash``).
    public var contentHash: UInt64 { ContentHash.of(title: title, text: text) }

    /// Whether `hash`, kept in the record of an earlier version of this document (by this or an
    /// earlier Loupe), is the hash of this title and text: whether the content is unchanged.
    public func hasContent(hashed hash: UInt64) -> Bool { ContentHash.matches(hash, title: title, text: text) }
}
