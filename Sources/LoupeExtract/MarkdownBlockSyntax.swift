/// Recognizers for the line-level constructs of Markdown. Each takes one line (without its
/// newline) as UTF-8 bytes.
enum MarkdownBlockSyntax {
    /// An opening code fence: its character (`` ` `` or `~`), its length and its indentation.
    struct Fence {
        var marker: UInt8
        var length: Int
        var indent: Int
    }

    /// The fence that `line` opens: up to three spaces, then three or more backticks or
    /// tildes, then an info string (which, after backticks, may not hold a backtick).
    static func fenceOpening(_ line: ArraySlice<UInt8>) -> Fence? {
        let indent = indentation(line)
        guard indent.columns <= 3, let marker = line[indent.end...].first,
              marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") else { return nil }
        let length = run(of: marker, in: line, from: indent.end)
        guard length >= 3 else { return nil }
        let info = line[(indent.end + length)...]
        if marker == UInt8(ascii: "`"), info.contains(marker) { return nil }
        return Fence(marker: marker, length: length, indent: indent.columns)
    }

    /// Whether `line` closes `fence`: up to three spaces, at least as many of the same
    /// character, and nothing else but whitespace.
    static func closes(_ fence: Fence, _ line: ArraySlice<UInt8>) -> Bool {
        let indent = indentation(line)
        guard indent.columns <= 3 else { return false }
        let length = run(of: fence.marker, in: line, from: indent.end)
        return length >= fence.length && isBlank(line[(indent.end + length)...])
    }

    /// `line` inside a fence whose opening was indented `indent` columns, with up to that
    /// many leading spaces removed.
    static func fencedContent(_ line: ArraySlice<UInt8>, indent: Int) -> ArraySlice<UInt8> {
        var index = line.startIndex
        while index < line.endIndex, index - line.startIndex < indent, line[index] == UInt8(ascii: " ") {
            index += 1
        }
        return line[index...]
    }

    /// `line` without its block quote markers (`>` and one optional space, repeated), and
    /// whether it had any.
    static func strippingBlockQuotes(_ line: ArraySlice<UInt8>) -> (rest: ArraySlice<UInt8>, quoted: Bool) {
        var rest = line
        var quoted = false
        while true {
            let indent = indentation(rest)
            guard indent.columns <= 3, indent.end < rest.endIndex, rest[indent.end] == UInt8(ascii: ">") else {
                return (rest, quoted)
            }
            quoted = true
            var next = indent.end + 1
            if next < rest.endIndex, rest[next] == UInt8(ascii: " ") || rest[next] == UInt8(ascii: "\t") { next += 1 }
            rest = rest[next...]
        }
    }

    /// The text of an ATX heading (`## Title ##`), or `nil` if `line` is not one.
    static func atxHeading(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let indent = indentation(line)
        guard indent.columns <= 3 else { return nil }
        let level = run(of: UInt8(ascii: "#"), in: line, from: indent.end)
        guard (1...6).contains(level) else { return nil }
        let afterMarker = indent.end + level
        guard afterMarker == line.endIndex || isSpaceOrTab(line[afterMarker]) else { return nil }
        var content = trimmed(line[afterMarker...])
        // A closing sequence of #s counts only if a space precedes it (or it is all there is).
        var end = content.endIndex
        while end > content.startIndex, content[end - 1] == UInt8(ascii: "#") { end -= 1 }
        if end == content.startIndex || isSpaceOrTab(content[end - 1]) {
            content = trimmed(content[content.startIndex..<end])
        }
        return content
    }

    /// Whether `line` is a setext heading underline: up to three spaces, then only `=` or
    /// only `-`, then whitespace.
    static func isSetextUnderline(_ line: ArraySlice<UInt8>) -> Bool {
        let indent = indentation(line)
        guard indent.columns <= 3, let marker = line[indent.end...].first,
              marker == UInt8(ascii: "=") || marker == UInt8(ascii: "-") else { return false }
        return isBlank(line[(indent.end + run(of: marker, in: line, from: indent.end))...])
    }

    /// Whether `line` is a thematic break: three or more `*`, `-` or `_` (one kind), with
    /// optional spaces between.
    static func isThematicBreak(_ line: ArraySlice<UInt8>) -> Bool {
        let indent = indentation(line)
        guard indent.columns <= 3, let marker = line[indent.end...].first,
              marker == UInt8(ascii: "*") || marker == UInt8(ascii: "-") || marker == UInt8(ascii: "_") else {
            return false
        }
        var count = 0
        for byte in line[indent.end...] {
            if byte == marker {
                count += 1
            } else if !isSpaceOrTab(byte) {
                return false
            }
        }
        return count >= 3
    }

    /// `line` without a leading list marker (`-`, `*`, `+`, or up to nine digits and `.`
    /// or `)`, followed by a space or the end of the line) and without a task box
    /// (`[ ]`, `[x]`) after it; `nil` if `line` is not a list item.
    static func strippingListMarker(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let start = indentation(line).end
        guard start < line.endIndex else { return nil }
        var index = start
        switch line[index] {
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
            index += 1
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            while index < line.endIndex, index - start < 9, isDigit(line[index]) { index += 1 }
            guard index < line.endIndex, line[index] == UInt8(ascii: ".") || line[index] == UInt8(ascii: ")") else {
                return nil
            }
            index += 1
        default:
            return nil
        }
        guard index == line.endIndex || isSpaceOrTab(line[index]) else { return nil }
        var rest = trimmed(line[index...])
        if rest.count >= 3, rest.first == UInt8(ascii: "["), rest[rest.startIndex + 2] == UInt8(ascii: "]"),
           [UInt8(ascii: " "), UInt8(ascii: "x"), UInt8(ascii: "X")].contains(rest[rest.startIndex + 1]),
           rest.count == 3 || isSpaceOrTab(rest[rest.startIndex + 3]) {
            rest = trimmed(rest.dropFirst(3))
        }
        return rest
    }

    /// The label of a link reference definition (`[label]: destination "title"`), or `nil`
    /// if `line` is not one.
    static func referenceDefinitionLabel(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let indent = indentation(line)
        guard indent.columns <= 3, indent.end < line.endIndex, line[indent.end] == UInt8(ascii: "[") else {
            return nil
        }
        var index = indent.end + 1
        while index < line.endIndex, line[index] != UInt8(ascii: "]") {
            if line[index] == UInt8(ascii: "[") { return nil }
            index += line[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard index + 1 < line.endIndex, line[index + 1] == UInt8(ascii: ":") else { return nil }
        let label = line[(indent.end + 1)..<index]
        guard !isBlank(label), !isBlank(line[(index + 2)...]) else { return nil }
        return label
    }

    /// Whether `line` is the delimiter row under a table's header: cells of dashes with
    /// optional colons, separated by pipes.
    static func isTableDelimiterRow(_ line: ArraySlice<UInt8>) -> Bool {
        var sawPipe = false
        var sawDash = false
        for byte in line {
            switch byte {
            case UInt8(ascii: "|"): sawPipe = true
            case UInt8(ascii: "-"): sawDash = true
            case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"): break
            default: return false
            }
        }
        return sawPipe && sawDash
    }

    /// `line` without the parts inside HTML comments (`<!-- … -->`), which may span lines:
    /// `inComment` says whether the line starts inside one and is left telling whether it
    /// ends inside one.
    static func strippingComments(_ line: ArraySlice<UInt8>, inComment: inout Bool) -> ArraySlice<UInt8> {
        guard inComment || find(commentOpen, in: line, from: line.startIndex) != nil else { return line }
        var kept = [UInt8]()
        var index = line.startIndex
        while index < line.endIndex {
            if inComment {
                guard let close = find(commentClose, in: line, from: index) else { break }
                index = close + commentClose.count
                inComment = false
            } else if let open = find(commentOpen, in: line, from: index) {
                kept.append(contentsOf: line[index..<open])
                index = open + commentOpen.count
                inComment = true
            } else {
                kept.append(contentsOf: line[index...])
                break
            }
        }
        return kept[...]
    }

    private static let commentOpen = Array("<!--".utf8)
    private static let commentClose = Array("-->".utf8)

    /// The index where `pattern` next occurs in `line` at or after `index`.
    private static func find(_ pattern: [UInt8], in line: ArraySlice<UInt8>, from index: Int) -> Int? {
        var start = index
        while start + pattern.count <= line.endIndex {
            if line[start..<(start + pattern.count)].elementsEqual(pattern) { return start }
            start += 1
        }
        return nil
    }

    /// Whether `line` holds nothing but spaces and tabs.
    static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy(isSpaceOrTab)
    }

    /// `line` without leading and trailing spaces and tabs.
    static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = line.startIndex
        var end = line.endIndex
        while start < end, isSpaceOrTab(line[start]) { start += 1 }
        while end > start, isSpaceOrTab(line[end - 1]) { end -= 1 }
        return line[start..<end]
    }

    /// Leading whitespace of `line`: its width in columns (a tab advances to the next
    /// multiple of four) and the index of the first other byte.
    private static func indentation(_ line: ArraySlice<UInt8>) -> (columns: Int, end: Int) {
        var columns = 0
        var index = line.startIndex
        while index < line.endIndex {
            switch line[index] {
            case UInt8(ascii: " "): columns += 1
            case UInt8(ascii: "\t"): columns += 4 - columns % 4
            default: return (columns, index)
            }
            index += 1
        }
        return (columns, index)
    }

    /// How many times `byte` repeats in `line` from `index` on.
    private static func run(of byte: UInt8, in line: ArraySlice<UInt8>, from index: Int) -> Int {
        var end = index
        while end < line.endIndex, line[end] == byte { end += 1 }
        return end - index
    }

    /// Whether `byte` is a space or a tab.
    static func isSpaceOrTab(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
