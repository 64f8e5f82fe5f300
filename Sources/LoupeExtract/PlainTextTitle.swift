/// How a plain-text file's title is chosen when nothing but its text says what it is.
///
/// In order: the `title:` of a YAML front-matter block; else the first line that reads as
/// prose, passing over what is markup rather than a title:
/// - a shebang (`#!/bin/sh`) on the first line, and editor mode lines (`-*- coding: utf-8 -*-`);
/// - rules: a line of one punctuation character repeated (`=====`, `-----`, `*****`), which
///   is also how a reStructuredText overline is passed over to reach the title under it (an
///   underlined title is the line itself);
/// - reStructuredText explicit markup (`.. currentmodule:: asyncio`, `.. _label:`, comments)
///   with the indented lines of its body, and the field lists that open a file (`:orphan:`).
enum PlainTextTitle {
    /// Lines looked at before giving up on markup and taking the first non-empty line.
    static let scanLimit = 400

    /// The title of `text` (LF line ends), cleaned; empty when it has no text.
    static func of(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let bytes = lines.prefix(201).map { ArraySlice($0.utf8) }
        var start = 0
        if let frontMatter = FrontMatter(lines: bytes) {
            if let title = frontMatter.title { return title }
            start = frontMatter.lineCount
        }
        var inExplicitMarkup = false
        for (number, line) in lines.enumerated().dropFirst(start).prefix(scanLimit) {
            let isIndented = line.first == " " || line.first == "\t"
            if inExplicitMarkup, isIndented || isBlank(line) { continue }
            inExplicitMarkup = false
            if isBlank(line) { continue }
            if number == 0, line.hasPrefix("#!") { continue }
            if line.contains("-*-") || isRule(line) || isFieldListLine(line) { continue }
            if line.hasPrefix("..") && (line.count == 2 || line.dropFirst(2).first == " ") {
                inExplicitMarkup = true
                continue
            }
            let title = TitleRule.clean(line)
            if !title.isEmpty { return title }
        }
        return TitleRule.firstNonEmptyLine(of: text)
    }

    private static func isBlank(_ line: Substring) -> Bool {
        line.allSatisfy { $0.isWhitespace }
    }

    /// Three or more of one punctuation character, and nothing else but trailing spaces.
    static func isRule(_ line: Substring) -> Bool {
        let content = line.reversed().drop { $0 == " " || $0 == "\t" }
        guard content.count >= 3, let first = content.first, "=-~^*+#_:.'\"`".contains(first) else { return false }
        return content.allSatisfy { $0 == first }
    }

    /// `:name:` or `:name: value`, as the field lists that open reStructuredText files.
    private static func isFieldListLine(_ line: Substring) -> Bool {
        guard line.first == ":", let close = line.dropFirst().firstIndex(of: ":") else { return false }
        let name = line[line.index(after: line.startIndex)..<close]
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return false }
        let rest = line[line.index(after: close)...]
        return rest.isEmpty || rest.first == " "
    }
}
