/// The markup language of a document file, which decides how its text is extracted.
public enum DocumentFormat: Sendable, Equatable, CaseIterable {
    /// Plain text, indexed as it is.
    case text
    /// Markdown (CommonMark with the common GitHub extensions); markup is stripped.
    case markdown
    /// HTML; tags, scripts, styles and comments are removed and character references decoded.
    case html

    /// The format that a file extension names, or `nil` when the extension is not one of ours.
    ///
    /// The comparison ignores case and an optional leading dot: `txt` is text, `md` and
    /// `markdown` are Markdown, `html` and `htm` are HTML.
    public init?(pathExtension: some StringProtocol) {
        var ext = pathExtension.lowercased()
        if ext.hasPrefix(".") { ext.removeFirst() }
        switch ext {
        case "txt": self = .text
        case "md", "markdown": self = .markdown
        case "html", "htm": self = .html
        default: return nil
        }
    }

    /// The format that the extension of the last component of `path` names, or `nil` when
    /// the file has no extension or an unknown one (the caller then sniffs the content).
    ///
    /// A leading dot of a file name (`.profile`) does not start an extension.
    public init?(path: String) {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        self.init(pathExtension: name[name.index(after: dot)...])
    }
}
