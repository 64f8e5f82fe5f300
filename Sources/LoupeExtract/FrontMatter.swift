/// A YAML front-matter block at the start of a Markdown or text file (Jekyll, Hugo, Pandoc):
/// a first line `---`, then `key: value` lines, closed by a line `---` or `...`.
struct FrontMatter {
    /// The `title:` value, unquoted and cleaned; `nil` when the block has none.
    let title: String?
    /// The number of lines the block takes, its two delimiter lines included.
    let lineCount: Int

    /// The front matter that `lines` start with, or `nil` when they do not start with one
    /// (or it is never closed within its first 200 lines, which then are ordinary text).
    init?(lines: [ArraySlice<UInt8>]) {
        guard let first = lines.first, Self.trimmed(first).elementsEqual("---".utf8) else { return nil }
        var title: String?
        for (offset, line) in lines.dropFirst().prefix(200).enumerated() {
            let content = Self.trimmed(line)
            if content.elementsEqual("---".utf8) || content.elementsEqual("...".utf8) {
                self.title = title
                lineCount = offset + 2
                return
            }
            // Only top-level keys count: an indented `title:` belongs to a nested map.
            guard title == nil, line.first != UInt8(ascii: " "), line.first != UInt8(ascii: "\t") else { continue }
            let text = TextDecoding.string(from: Array(line))
            guard text.lowercased().hasPrefix("title:") else { continue }
            let value = Self.unquoted(Self.stripped(text.dropFirst("title:".count)))
            let cleaned = TitleRule.clean(value)
            if !cleaned.isEmpty { title = cleaned }
        }
        return nil
    }

    private static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var line = line
        while let last = line.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { line.removeLast() }
        return line
    }

    /// `text` without leading and trailing spaces and tabs.
    private static func stripped(_ text: Substring) -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(text.drop(while: isBlank).reversed().drop(while: isBlank).reversed())
    }

    /// A YAML scalar without its quotes: `"a \"b\""` → `a "b"`, `'it''s'` → `it's`.
    private static func unquoted(_ value: String) -> String {
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
            return String(value.dropFirst().dropLast()).replacing("\\\"", with: "\"")
        }
        if value.count >= 2, value.hasPrefix("'"), value.hasSuffix("'") {
            return String(value.dropFirst().dropLast()).replacing("''", with: "'")
        }
        return value
    }
}
