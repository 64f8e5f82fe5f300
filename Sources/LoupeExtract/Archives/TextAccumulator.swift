/// The text of a document being read from XML events: UTF-8 bytes, with helpers that keep
/// words of neighbouring paragraphs and cells apart without piling up blank lines.
struct TextAccumulator {
    private(set) var bytes: [UInt8] = []

    /// Appends text as it is.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: text)
    }

    /// Appends one byte.
    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Ends the current line, unless the text is empty or already ends one.
    mutating func endLine() {
        guard let last = bytes.last, last != UInt8(ascii: "\n") else { return }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Separates what comes next from what came before by a tab (table cells), unless at
    /// the start of a line.
    mutating func separateCell() {
        guard let last = bytes.last, last != UInt8(ascii: "\n"), last != UInt8(ascii: "\t") else { return }
        bytes.append(UInt8(ascii: "\t"))
    }

    /// Ends a table row: the separator after its last cell is dropped and the line ended.
    mutating func endRow() {
        while bytes.last == UInt8(ascii: "\t") { bytes.removeLast() }
        endLine()
    }

    /// The number of bytes so far, to mark where a heading starts.
    var count: Int { bytes.count }

    /// The text from `start` on, as a cleaned one-line title.
    func title(from start: Int) -> String {
        TitleRule.clean(TextDecoding.string(from: Array(bytes[min(start, bytes.count)...])))
    }

    /// The document: trailing whitespace dropped, and `title` when it is not empty, else the
    /// first non-empty line.
    func document(title: String?) -> ExtractedDocument {
        var output = bytes
        while let last = output.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: " ")
            || last == UInt8(ascii: "\t") { output.removeLast() }
        let text = TextDecoding.string(from: output)
        let cleaned = TitleRule.clean(title ?? "")
        return ExtractedDocument(title: cleaned.isEmpty ? TitleRule.firstNonEmptyLine(of: text) : cleaned, text: text)
    }
}
