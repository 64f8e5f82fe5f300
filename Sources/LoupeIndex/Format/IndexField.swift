/// The fields every document has. Each field has its own terms, postings and lengths.
public enum IndexField: UInt8, Sendable, CaseIterable, Codable {
    /// The document's text.
    case body = 0
    /// The document's title.
    case title = 1
    /// The document's id (its path relative to the indexed root), tokenized.
    case path = 2

    /// The field's name in queries and output.
    public var name: String {
        switch self {
        case .body: "body"
        case .title: "title"
        case .path: "path"
        }
    }
}
