/// Extracts title and plain text from Markdown.
///
/// Markup is stripped and its text kept: heading markers (ATX `#` and setext underlines),
/// emphasis and strikethrough delimiters, code span backticks, code fences with their info
/// strings (the code itself stays), link and image syntax (the link text or alt text
/// stays, the destination goes, except for autolinks, which are their address), link
/// reference definitions, block quote markers, list markers and task boxes, thematic
/// breaks, HTML tags and comments, backslash escapes, and the pipes and delimiter rows of
/// tables (cells end up separated by single spaces). Character references are decoded.
/// Inline markup may span the lines of a paragraph. Indented code is treated as ordinary
/// text. Line structure is kept, with leading indentation removed and runs of blank lines
/// collapsed to one.
///
/// A YAML front-matter block at the start (``FrontMatter``) is not text: its `title:` is the
/// title. Else the title is the text of the first heading, ATX or setext, else the first
/// non-empty line of the text.
struct MarkdownExtractor {
    private let lines: [ArraySlice<UInt8>]
    private let inline: MarkdownInline
    private var output: [[UInt8]] = []
    private var title: [UInt8]?
    /// The lines of the paragraph in progress, trimmed and joined by `\n`.
    private var paragraph: [UInt8] = []
    private var paragraphLineCount = 0
    /// Whether the paragraph in progress is a plain one (not a list item, not quoted),
    /// which a setext underline turns into a heading.
    private var paragraphIsPlain = false
    private var paragraphIsQuoted = false

    /// The front matter's title, when the file opens with one.
    private let frontMatterTitle: String?

    private init(bytes: [UInt8]) {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let frontMatter = FrontMatter(lines: lines)
        if let frontMatter { lines.removeFirst(frontMatter.lineCount) }
        frontMatterTitle = frontMatter?.title
        self.lines = lines
        inline = MarkdownInline(definedLabels: Self.definedLabels(in: lines))
    }

    /// Extracts `bytes`, normalized UTF-8 Markdown (see ``TextDecoding``).
    static func extract(_ bytes: [UInt8]) -> ExtractedDocument {
        var extractor = MarkdownExtractor(bytes: bytes)
        extractor.run()
        var text = [UInt8]()
        var blankPending = false
        for line in extractor.output {
            if line.isEmpty {
                blankPending = !text.isEmpty
                continue
            }
            if blankPending { text.append(UInt8(ascii: "\n")) }
            blankPending = false
            if !text.isEmpty { text.append(UInt8(ascii: "\n")) }
            text.append(contentsOf: line)
        }
        let body = TextDecoding.string(from: text)
        var title = extractor.frontMatterTitle ?? TitleRule.clean(TextDecoding.string(from: extractor.title ?? []))
        if title.isEmpty { title = TitleRule.firstNonEmptyLine(of: body) }
        return ExtractedDocument(title: title, text: body)
    }

    /// The normalized labels of all link reference definitions outside code fences.
    private static func definedLabels(in lines: [ArraySlice<UInt8>]) -> Set<String> {
        var labels = Set<String>()
        var fence: MarkdownBlockSyntax.Fence?
        for line in lines {
            if let open = fence {
                if MarkdownBlockSyntax.closes(open, line) { fence = nil }
            } else if let opening = MarkdownBlockSyntax.fenceOpening(line) {
                fence = opening
            } else if let label = MarkdownBlockSyntax.referenceDefinitionLabel(line) {
                labels.insert(MarkdownInline.normalizedLabel(label))
            }
        }
        return labels
    }

    private mutating func run() {
        var fence: MarkdownBlockSyntax.Fence?
        var fenceIsQuoted = false
        var inComment = false
        var inTable = false
        for (number, rawLine) in lines.enumerated() {
            if let open = fence {
                let fenced = fenceIsQuoted ? MarkdownBlockSyntax.strippingBlockQuotes(rawLine).rest : rawLine
                if MarkdownBlockSyntax.closes(open, fenced) {
                    fence = nil
                } else {
                    output.append(Array(MarkdownBlockSyntax.fencedContent(fenced, indent: open.indent)))
                }
                continue
            }
            let startsInComment = inComment
            let line = MarkdownBlockSyntax.strippingComments(rawLine, inComment: &inComment)
            // A line that was all comment is no line at all, not a blank one.
            if MarkdownBlockSyntax.isBlank(line), startsInComment || !MarkdownBlockSyntax.isBlank(rawLine) { continue }
            let (content, quoted) = MarkdownBlockSyntax.strippingBlockQuotes(line)
            if MarkdownBlockSyntax.isBlank(content) {
                endParagraph()
                inTable = false
                output.append([])
            } else if let opening = MarkdownBlockSyntax.fenceOpening(content) {
                endParagraph()
                fence = opening
                fenceIsQuoted = quoted
            } else if paragraphIsPlain, !quoted, MarkdownBlockSyntax.isSetextUnderline(content) {
                let heading = endParagraph()
                if title == nil { title = heading }
            } else if MarkdownBlockSyntax.isThematicBreak(content)
                        || MarkdownBlockSyntax.referenceDefinitionLabel(content) != nil {
                endParagraph()
                output.append([])
            } else if let heading = MarkdownBlockSyntax.atxHeading(content) {
                endParagraph()
                let rendered = render(heading, inline)
                if title == nil { title = rendered }
                output.append(rendered)
            } else if inTable || startsTable(content, at: number) {
                endParagraph()
                inTable = true
                if !MarkdownBlockSyntax.isTableDelimiterRow(content) { appendTableRow(content) }
            } else if let item = MarkdownBlockSyntax.strippingListMarker(content) {
                endParagraph()
                continueParagraph(item, quoted: quoted, plain: false)
            } else {
                if paragraphLineCount > 0, quoted != paragraphIsQuoted { endParagraph() }
                continueParagraph(MarkdownBlockSyntax.trimmed(content), quoted: quoted, plain: !quoted)
            }
        }
        endParagraph()
    }

    /// Whether `content`, line `number`, is a table's header row: it has a pipe and the
    /// next line is a delimiter row.
    private func startsTable(_ content: ArraySlice<UInt8>, at number: Int) -> Bool {
        guard content.contains(UInt8(ascii: "|")), number + 1 < lines.count else { return false }
        return MarkdownBlockSyntax.isTableDelimiterRow(MarkdownBlockSyntax.strippingBlockQuotes(lines[number + 1]).rest)
    }

    /// Adds a line to the paragraph in progress, or starts one with it.
    private mutating func continueParagraph(_ content: ArraySlice<UInt8>, quoted: Bool, plain: Bool) {
        if paragraphLineCount == 0 {
            paragraphIsPlain = plain
            paragraphIsQuoted = quoted
        } else {
            paragraph.append(UInt8(ascii: "\n"))
        }
        paragraph.append(contentsOf: content)
        paragraphLineCount += 1
    }

    /// Renders the paragraph in progress into the output and returns its text on one line
    /// (a heading's title, if a setext underline ended it).
    @discardableResult
    private mutating func endParagraph() -> [UInt8] {
        defer {
            paragraph.removeAll(keepingCapacity: true)
            paragraphLineCount = 0
            paragraphIsPlain = false
        }
        guard paragraphLineCount > 0 else { return [] }
        let rendered = render(paragraph[...], inline)
        var joined = [UInt8]()
        for line in rendered.split(separator: UInt8(ascii: "\n")) {
            let trimmed = Array(MarkdownBlockSyntax.trimmed(line))
            guard !trimmed.isEmpty else { continue }
            output.append(trimmed)
            if !joined.isEmpty { joined.append(UInt8(ascii: " ")) }
            joined.append(contentsOf: trimmed)
        }
        return joined
    }

    /// Appends a table row, its cells separated by single spaces.
    private mutating func appendTableRow(_ content: ArraySlice<UInt8>) {
        var cells = inline
        cells.pipesSeparateCells = true
        var row = [UInt8]()
        for byte in render(content, cells) {
            if MarkdownBlockSyntax.isSpaceOrTab(byte) {
                if let last = row.last, last != UInt8(ascii: " ") { row.append(UInt8(ascii: " ")) }
            } else {
                row.append(byte)
            }
        }
        if row.last == UInt8(ascii: " ") { row.removeLast() }
        if !row.isEmpty { output.append(row) }
    }

    /// The visible text of `content`, trailing whitespace removed.
    private func render(_ content: ArraySlice<UInt8>, _ renderer: MarkdownInline) -> [UInt8] {
        var rendered = [UInt8]()
        renderer.render(content, into: &rendered)
        return Array(MarkdownBlockSyntax.trimmed(rendered[...]))
    }
}
