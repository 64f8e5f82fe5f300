/// Strips the inline markup of a paragraph of Markdown (lines joined by `\n`): emphasis,
/// code spans, links, images, autolinks, HTML tags, backslash escapes and character
/// references. HTML comments are removed before, line by line.
struct MarkdownInline {
    /// Normalized labels of the document's link reference definitions.
    let definedLabels: Set<String>
    /// Whether the text is a table row, whose unescaped pipes separate cells.
    var pipesSeparateCells = false

    init(definedLabels: Set<String>) {
        self.definedLabels = definedLabels
    }

    /// Appends the visible text of `line` to `out`.
    func render(_ line: ArraySlice<UInt8>, into out: inout [UInt8]) {
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            switch byte {
            case UInt8(ascii: "\\"):
                index = escape(line, at: index, into: &out)
            case UInt8(ascii: "`"):
                index = codeSpan(line, at: index, into: &out)
            case UInt8(ascii: "!") where index + 1 < line.endIndex && line[index + 1] == UInt8(ascii: "["):
                if let next = link(line, at: index + 1, into: &out) {
                    index = next
                } else {
                    out.append(byte)
                    index += 1
                }
            case UInt8(ascii: "["):
                if let next = link(line, at: index, into: &out) {
                    index = next
                } else {
                    out.append(byte)
                    index += 1
                }
            case UInt8(ascii: "<"):
                index = angleBracket(line, at: index, into: &out)
            case UInt8(ascii: "&"):
                if let next = CharacterReference.decode(line, at: index, into: &out) {
                    index = next
                } else {
                    out.append(byte)
                    index += 1
                }
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                index = delimiterRun(line, at: index, into: &out)
            case UInt8(ascii: "|") where pipesSeparateCells:
                out.append(UInt8(ascii: " "))
                index += 1
            default:
                out.append(byte)
                index += 1
            }
        }
    }

    /// A backslash escapes ASCII punctuation; at the end of a line it is a hard break.
    private func escape(_ line: ArraySlice<UInt8>, at index: Int, into out: inout [UInt8]) -> Int {
        let next = index + 1
        guard next < line.endIndex, line[next] != UInt8(ascii: "\n") else { return next }
        if Self.isPunctuation(line[next]) {
            out.append(line[next])
            return next + 1
        }
        out.append(line[index])
        return next
    }

    /// A code span keeps its content verbatim; an unmatched backtick run is literal.
    private func codeSpan(_ line: ArraySlice<UInt8>, at index: Int, into out: inout [UInt8]) -> Int {
        let length = Self.runLength(line, at: index)
        var search = index + length
        while search < line.endIndex {
            guard let open = line[search...].firstIndex(of: UInt8(ascii: "`")) else { break }
            let closeLength = Self.runLength(line, at: open)
            if closeLength == length {
                var content = line[(index + length)..<open]
                if content.count >= 2, content.first == UInt8(ascii: " "), content.last == UInt8(ascii: " "),
                   !content.allSatisfy({ $0 == UInt8(ascii: " ") }) {
                    content = content.dropFirst().dropLast()
                }
                out.append(contentsOf: content)
                return open + closeLength
            }
            search = open + closeLength
        }
        out.append(contentsOf: line[index..<(index + length)])
        return index + length
    }

    /// A link `[text](destination)`, `[text][label]`, `[text][]` or `[label]` (when the
    /// label is defined) becomes its text; so does an image, whose `!` precedes `index`.
    /// Returns `nil` when no link starts at the `[` at `index`.
    private func link(_ line: ArraySlice<UInt8>, at index: Int, into out: inout [UInt8]) -> Int? {
        guard let close = Self.matching(UInt8(ascii: "]"), in: line, from: index) else { return nil }
        let text = line[(index + 1)..<close]
        let after = close + 1
        var end: Int?
        if after < line.endIndex, line[after] == UInt8(ascii: "(") {
            end = Self.matching(UInt8(ascii: ")"), in: line, from: after).map { $0 + 1 }
        } else if after < line.endIndex, line[after] == UInt8(ascii: "["),
                  let labelEnd = Self.matching(UInt8(ascii: "]"), in: line, from: after) {
            let label = line[(after + 1)..<labelEnd]
            if isDefined(label.isEmpty ? text : label) { end = labelEnd + 1 }
        } else if isDefined(text) {
            end = after
        }
        guard let end else { return nil }
        MarkdownInline(definedLabels: definedLabels).render(text, into: &out)
        return end
    }

    /// Autolinks keep their address; HTML tags vanish (block-level ones leave a space);
    /// anything else is a literal `<`.
    private func angleBracket(_ line: ArraySlice<UInt8>, at index: Int, into out: inout [UInt8]) -> Int {
        if let close = line[(index + 1)...].firstIndex(of: UInt8(ascii: ">")),
           Self.isAutolink(line[(index + 1)..<close]) {
            out.append(contentsOf: line[(index + 1)..<close])
            return close + 1
        }
        if let tag = HTMLTag.parse(line, at: index) {
            if HTMLElements.separation(for: tag.name) != .none { out.append(UInt8(ascii: " ")) }
            return tag.end
        }
        out.append(line[index])
        return index + 1
    }

    /// Strips a run of `*` or `_` that can open or close emphasis (by CommonMark's flanking
    /// rules, so `snake_case` keeps its underscores), or a `~~` strikethrough run.
    private func delimiterRun(_ line: ArraySlice<UInt8>, at index: Int, into out: inout [UInt8]) -> Int {
        let marker = line[index]
        var end = index
        while end < line.endIndex, line[end] == marker { end += 1 }
        let before: UInt8 = index > line.startIndex ? line[index - 1] : UInt8(ascii: " ")
        let after: UInt8 = end < line.endIndex ? line[end] : UInt8(ascii: " ")
        let leftFlanking = !Self.isWhitespace(after)
            && (!Self.isPunctuation(after) || Self.isWhitespace(before) || Self.isPunctuation(before))
        let rightFlanking = !Self.isWhitespace(before)
            && (!Self.isPunctuation(before) || Self.isWhitespace(after) || Self.isPunctuation(after))
        let strip: Bool
        switch marker {
        case UInt8(ascii: "_"):
            strip = (leftFlanking && (!rightFlanking || Self.isPunctuation(before)))
                || (rightFlanking && (!leftFlanking || Self.isPunctuation(after)))
        case UInt8(ascii: "~"):
            strip = end - index == 2 && (leftFlanking || rightFlanking)
        default:
            strip = leftFlanking || rightFlanking
        }
        if !strip { out.append(contentsOf: line[index..<end]) }
        return end
    }

    /// Whether `label` names a link reference definition of this document.
    private func isDefined(_ label: ArraySlice<UInt8>) -> Bool {
        !definedLabels.isEmpty && definedLabels.contains(Self.normalizedLabel(label))
    }

    /// A label as definitions are matched: case-folded, inner whitespace collapsed.
    static func normalizedLabel(_ label: ArraySlice<UInt8>) -> String {
        String(decoding: label, as: UTF8.self).lowercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether `content` (between `<` and `>`) is an autolink: a URI with a scheme, or an
    /// e-mail address.
    private static func isAutolink(_ content: ArraySlice<UInt8>) -> Bool {
        guard !content.isEmpty, !content.contains(where: { $0 <= 0x20 || $0 == UInt8(ascii: "<") }) else {
            return false
        }
        if let colon = content.firstIndex(of: UInt8(ascii: ":")) {
            let scheme = content[content.startIndex..<colon]
            if (2...32).contains(scheme.count), isLetter(scheme.first!),
               scheme.allSatisfy({ isLetter($0) || isDigit($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }) {
                return true
            }
        }
        guard let at = content.firstIndex(of: UInt8(ascii: "@")) else { return false }
        return at > content.startIndex && content[(at + 1)...].contains(UInt8(ascii: "."))
    }

    /// The index of the `closer` that balances the opener at `index`, skipping backslash
    /// escapes, or `nil` if the line does not balance it.
    private static func matching(_ closer: UInt8, in line: ArraySlice<UInt8>, from index: Int) -> Int? {
        let opener = line[index]
        var depth = 0
        var position = index
        while position < line.endIndex {
            let byte = line[position]
            if byte == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            if byte == opener {
                depth += 1
            } else if byte == closer {
                depth -= 1
                if depth == 0 { return position }
            }
            position += 1
        }
        return nil
    }

    private static func runLength(_ line: ArraySlice<UInt8>, at index: Int) -> Int {
        var end = index
        while end < line.endIndex, line[end] == line[index] { end += 1 }
        return end - index
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// ASCII punctuation; bytes of non-ASCII characters count as letters.
    private static func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte)
            || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
