/// The extractors, each with a version that changes whenever what it produces changes, so
/// that an indexer can retry files an older version failed on, and the helper program it
/// needs, if any.
public enum Extractor: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// Plain text (and any file that sniffs as text).
    case text
    case markdown
    case html
    /// roff man pages.
    case man
    /// PDF through poppler's `pdftotext`.
    case pdf
    /// DOCX, XLSX, PPTX, ODT, ODS, ODP: zip archives of XML.
    case office
    case epub
    /// `.eml` files and mbox folders.
    case email
    /// No extractor reads the file: only its name and path are indexed.
    case none

    /// Bumped whenever the extractor's output changes.
    public var version: Int {
        switch self {
        case .text, .markdown, .html, .none: 1
        case .man, .pdf, .office, .epub, .email: 1
        }
    }

    /// The program this extractor runs, looked up in `PATH`; `nil` when it runs none.
    public var helperProgram: String? {
        switch self {
        case .pdf: "pdftotext"
        default: nil
        }
    }

    public var description: String { rawValue }
}
