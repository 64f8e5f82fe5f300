/// The indexable content of one document: a title and a body of plain text.
public struct ExtractedDocument: Sendable, Equatable {
    /// A one-line title: whitespace runs collapsed to single spaces, trimmed, at most 200
    /// characters. Empty when the document has no text at all.
    public var title: String
    /// The document's visible text with markup removed. Lines are separated by `"\n"` only.
    public var text: String

    /// Creates a document from its parts, taken as they are.
    public init(title: String, text: String) {
        self.title = title
        self.text = text
    }
}
