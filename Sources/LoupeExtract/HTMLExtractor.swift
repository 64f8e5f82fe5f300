/// Extracts title and visible text from HTML.
///
/// Tags are removed; `<script>`, `<style>`, `<noscript>`, `<template>`, `<iframe>`,
/// `<noembed>`, `<noframes>` and comments are removed with their content (such an element
/// written `<script … />` is taken as empty, as in XHTML); CDATA sections, doctypes and
/// processing instructions are dropped. Block elements break lines or paragraphs and table
/// cells are separated by spaces, so words of neighbouring blocks never run together;
/// other whitespace runs collapse to one space, except inside `<pre>`. Character
/// references are decoded. Malformed markup degrades to text: a `<` that starts no tag,
/// or a tag that is never closed by `>`, stays in the text as written.
///
/// The title is the content of `<title>` (which is not repeated in the text), else the
/// text of the first `<h1>`, else the first non-empty line of the text.
struct HTMLExtractor {
    private let bytes: [UInt8]
    private var writer = HTMLTextWriter()
    private var title: [UInt8]?
    private var headingTitle: [UInt8]?
    /// The index of the last `>` in the input; no tag can start after it.
    private let lastClosingBracket: Int

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        lastClosingBracket = bytes.lastIndex(of: UInt8(ascii: ">")) ?? -1
    }

    /// Extracts `bytes`, normalized UTF-8 HTML (see ``TextDecoding``).
    static func extract(_ bytes: [UInt8]) -> ExtractedDocument {
        var extractor = HTMLExtractor(bytes: bytes)
        extractor.run()
        var output = extractor.writer.output
        while let last = output.last, HTMLTextWriter.isWhitespace(last) { output.removeLast() }
        let text = TextDecoding.string(from: output)
        var title = TitleRule.clean(TextDecoding.string(from: extractor.title ?? []))
        if title.isEmpty { title = TitleRule.clean(TextDecoding.string(from: extractor.headingTitle ?? [])) }
        if title.isEmpty { title = TitleRule.firstNonEmptyLine(of: text) }
        return ExtractedDocument(title: title, text: text)
    }

    private mutating func run() {
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "<"):
                if let next = markup(at: index) {
                    index = next
                    continue
                }
            case UInt8(ascii: "&"):
                var decoded = [UInt8]()
                if let next = CharacterReference.decode(bytes[...], at: index, into: &decoded) {
                    writer.write(contentsOf: decoded)
                    index = next
                    continue
                }
            default:
                break
            }
            writer.write(bytes[index])
            index += 1
        }
    }

    /// Handles the markup starting with the `<` at `start` and returns the index after
    /// it, or `nil` if the `<` is text.
    private mutating func markup(at start: Int) -> Int? {
        // `<!-->` and `<!--->` are complete, empty comments; an unclosed one runs to the end.
        if hasPrefix("<!-->", at: start) { return start + 5 }
        if hasPrefix("<!--->", at: start) { return start + 6 }
        if hasPrefix("<!--", at: start) { return end(of: "-->", from: start + 4) ?? bytes.count }
        if hasPrefix("<![CDATA[", at: start) {
            return end(of: "]]>", from: start + 9) ?? bytes.count
        }
        guard start < lastClosingBracket else { return nil }
        if hasPrefix("<!", at: start) || hasPrefix("<?", at: start) {
            return end(of: ">", from: start + 2)
        }
        guard let tag = HTMLTag.parse(bytes[...], at: start) else { return nil }
        return handle(tag)
    }

    /// Applies a tag's effect and returns the index from which scanning goes on.
    private mutating func handle(_ tag: HTMLTag) -> Int {
        let separation = HTMLElements.separation(for: tag.name)
        writer.requestBreak(separation)
        if tag.isEnd {
            if HTMLElements.preformatted.contains(tag.name) {
                writer.endPreformatted()
            }
            if tag.name == HTMLElements.heading, writer.capture != nil {
                let captured = writer.endCapture()
                if captured.contains(where: { !HTMLTextWriter.isWhitespace($0) }) { headingTitle = captured }
            }
            return tag.end
        }
        if HTMLElements.hidden.contains(tag.name) {
            return tag.isSelfClosing ? tag.end : endOfElement(tag.name, from: tag.end).after
        }
        if tag.name == HTMLElements.title {
            let close = endOfElement(tag.name, from: tag.end)
            if title == nil {
                var decoded = [UInt8]()
                appendDecoded(bytes[tag.end..<close.contentEnd], to: &decoded)
                title = decoded
            }
            return close.after
        }
        if HTMLElements.preformatted.contains(tag.name), !tag.isSelfClosing {
            writer.startPreformatted()
        }
        if tag.name == HTMLElements.heading, headingTitle == nil, writer.capture == nil {
            writer.startCapture()
        }
        return tag.end
    }

    /// Where the content of a raw-text element that began at `index` ends (at its end tag,
    /// or at the end of the input if there is none) and where scanning goes on after it.
    private func endOfElement(_ name: [UInt8], from index: Int) -> (contentEnd: Int, after: Int) {
        var search = index
        while let open = end(of: "</", from: search) {
            let nameStart = open
            let nameEnd = nameStart + name.count
            if nameEnd <= bytes.count,
               zip(bytes[nameStart..<nameEnd], name).allSatisfy({ Self.foldCase($0) == $1 }),
               nameEnd == bytes.count || !isNameContinuation(bytes[nameEnd]) {
                let after = end(of: ">", from: nameEnd) ?? bytes.count
                return (open - 2, after)
            }
            search = open
        }
        return (bytes.count, bytes.count)
    }

    /// Decodes character references in `slice` and appends the result to `out`.
    private func appendDecoded(_ text: ArraySlice<UInt8>, to out: inout [UInt8]) {
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == UInt8(ascii: "&"),
               let next = CharacterReference.decode(text, at: index, into: &out) {
                index = next
                continue
            }
            out.append(text[index])
            index += 1
        }
    }

    /// Whether the ASCII `prefix` appears at `index`, ignoring ASCII case.
    private func hasPrefix(_ prefix: StaticString, at index: Int) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index >= 0, index + count <= bytes.count else { return false }
        let pattern = UnsafeBufferPointer(start: prefix.utf8Start, count: count)
        for offset in 0..<count where Self.foldCase(bytes[index + offset]) != Self.foldCase(pattern[offset]) {
            return false
        }
        return true
    }

    /// The index just past the first occurrence of `pattern` at or after `index`.
    private func end(of pattern: StaticString, from index: Int) -> Int? {
        let count = pattern.utf8CodeUnitCount
        var candidate = index
        while candidate + count <= bytes.count {
            guard let first = bytes[candidate...].firstIndex(of: pattern.utf8Start.pointee) else { return nil }
            if hasPrefix(pattern, at: first) { return first + count }
            candidate = first + 1
        }
        return nil
    }

    /// `byte` with ASCII capitals made small.
    private static func foldCase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    private func isNameContinuation(_ byte: UInt8) -> Bool {
        !(HTMLTextWriter.isWhitespace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/"))
    }
}
