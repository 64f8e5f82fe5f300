/// How HTML elements affect text extraction.
enum HTMLElements {
    /// Elements removed together with their content: their text is never shown.
    static let hidden: Set<[UInt8]> = names(
        "script", "style", "noscript", "template", "iframe", "noembed", "noframes")

    /// Elements whose whitespace is shown as written.
    static let preformatted: Set<[UInt8]> = names("pre", "listing", "textarea")

    /// Elements set apart from the text around them by a blank line.
    static let paragraphs: Set<[UInt8]> = names(
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "table", "ul", "ol",
        "dl", "figure", "hr", "section", "article")

    /// Elements that start and end on a line of their own.
    static let lines: Set<[UInt8]> = names(
        "br", "div", "li", "dt", "dd", "tr", "caption", "thead", "tbody", "tfoot", "header",
        "footer", "nav", "main", "aside", "address", "figcaption", "form", "fieldset",
        "legend", "details", "summary", "center", "option", "menu", "dir", "html", "head",
        "body", "title", "frameset", "frame", "dialog", "hgroup", "search", "listing",
        "textarea", "select", "optgroup")

    /// Elements separated from their neighbours by a space: table cells and the like.
    static let spaced: Set<[UInt8]> = names("td", "th", "img", "input")

    /// The element whose first occurrence gives the title when `<title>` is missing.
    static let heading = Array("h1".utf8)
    /// The element that holds the document's title.
    static let title = Array("title".utf8)

    /// The separation an element's start or end tag asks for.
    static func separation(for name: [UInt8]) -> HTMLTextWriter.Break {
        if paragraphs.contains(name) { return .paragraph }
        if lines.contains(name) { return .line }
        if spaced.contains(name) { return .space }
        return .none
    }

    private static func names(_ list: String...) -> Set<[UInt8]> {
        Set(list.map { Array($0.utf8) })
    }
}
