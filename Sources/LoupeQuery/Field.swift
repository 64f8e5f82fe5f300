/// A document field that a query clause can be restricted to with `name:`.
///
/// Field names are matched case-insensitively in query text (`Title:x` is `title:x`).
/// A clause without a field searches the default fields, which the engine defines
/// (title and body).
public enum Field: String, Sendable, CaseIterable {
    /// The document title.
    case title
    /// The document text.
    case body
    /// The document's path or identifier.
    case path

    /// The field whose name is `name`, ignoring case, or `nil` when `name` is not a known field.
    init?(caseInsensitiveName name: String) {
        self.init(rawValue: name.lowercased())
    }
}
