import LoupeExtract

/// What a document carries besides its text, for filters, sorting and display: the values
/// that `type:`, `ext:`, `modified:` and `size:` test (the size is ``DocumentInput/size``),
/// and the format's named fields (an email's `from`, `to`, `date`).
public struct DocumentMetadata: Sendable, Equatable {
    /// The document type (``DocumentType``).
    public var type: DocumentType
    /// The file's extension, lowercased and without the dot (`gz` for `ls.1.gz`); empty when
    /// it has none.
    public var ext: String
    /// When the document was last modified, in seconds since 1970: the file's mtime, or the
    /// date the format gives (an email's `Date:`).
    public var modified: Int64
    /// Named values from the format, in order.
    public var fields: [DocumentField]

    public init(type: DocumentType = .other, ext: String = "", modified: Int64 = 0, fields: [DocumentField] = []) {
        self.type = type
        self.ext = ext
        self.modified = modified
        self.fields = fields
    }
}
