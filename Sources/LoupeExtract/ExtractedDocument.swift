/// The indexable content of one document: a title, a body of plain text, and what the
/// format says about it beyond its text.
public struct ExtractedDocument: Sendable, Equatable {
    /// A one-line title: whitespace runs collapsed to single spaces, trimmed, at most 200
    /// characters. Empty when the document has no text at all.
    public var title: String
    /// The document's visible text with markup removed. Lines are separated by `"\n"` only.
    public var text: String
    /// Named values the format carries besides its text, in the order found: an email's
    /// `from`, `to` and `date`, for example. Names are lowercase ASCII.
    public var fields: [DocumentField]
    /// When the document was written, in seconds since 1970, when the format says so (an
    /// email's `Date:`); `nil` lets the file's modification time stand.
    public var date: Int64?

    /// Creates a document from its parts, taken as they are.
    public init(title: String, text: String, fields: [DocumentField] = [], date: Int64? = nil) {
        self.title = title
        self.text = text
        self.fields = fields
        self.date = date
    }
}

/// One named value of a document (see ``ExtractedDocument/fields``).
public struct DocumentField: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
