/// How titles are cleaned and, when a format has nothing better, chosen.
enum TitleRule {
    /// The longest title kept, in characters.
    static let maxLength = 200

    /// `raw` on one line: whitespace runs (newlines included) collapsed to one space,
    /// trimmed, and cut to ``maxLength`` characters.
    static func clean(_ raw: some StringProtocol) -> String {
        var title = ""
        var pendingSpace = false
        var scalarCount = 0
        // Grapheme clusters may hold several scalars; past this many, the cut is certain.
        let scalarLimit = maxLength * 8
        for scalar in raw.unicodeScalars where scalarCount < scalarLimit {
            if scalar.properties.isWhitespace {
                pendingSpace = !title.isEmpty
                continue
            }
            if pendingSpace {
                title.unicodeScalars.append(" ")
                pendingSpace = false
            }
            title.unicodeScalars.append(scalar)
            scalarCount += 1
        }
        guard title.count > maxLength else { return title }
        return String(title.prefix(maxLength)).trimmingSuffixWhitespace()
    }

    /// The first line of `text` that holds more than whitespace, cleaned; empty if none.
    static func firstNonEmptyLine(of text: String) -> String {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let title = clean(line)
            if !title.isEmpty { return title }
        }
        return ""
    }
}

extension String {
    /// The string without trailing whitespace.
    fileprivate func trimmingSuffixWhitespace() -> String {
        var scalars = unicodeScalars[...]
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
