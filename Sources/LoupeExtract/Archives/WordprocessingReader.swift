/// Reads the text of a WordprocessingML part (DOCX `word/document.xml`, its headers,
/// footers, footnotes and endnotes): the runs' `w:t` text, `w:tab` as a tab, `w:br` and
/// `w:cr` as line breaks, one line per paragraph; a table row is one line, its cells apart
/// by tabs and the paragraphs of one cell by spaces. Of markup-compatibility alternatives
/// (`mc:AlternateContent`, around text boxes) only the first choice is read, not its
/// fallback copy. Deleted text
/// (`w:delText`) and field instructions are not text.
///
/// The first paragraph whose style is a heading (`Heading1`…, `Title`) or that has an
/// outline level is remembered as ``firstHeading``.
final class WordprocessingReader: XMLEventHandler {
    private(set) var text = TextAccumulator()
    /// The text of the first heading paragraph, cleaned; `nil` when there is none.
    private(set) var firstHeading: String?
    private var inText = 0
    private var inTabStops = 0
    private var paragraphStart = 0
    private var paragraphIsHeading = false
    /// Where the text of each open table cell starts, innermost last.
    private var cellStarts: [Int] = []
    private var inFallback = 0

    func startElement(_ element: XMLElementStart) {
        let name = element.name
        if name == "Fallback" { inFallback += 1 }
        guard inFallback == 0 else { return }
        if name == "t" {
            inText += 1
        } else if name == "p" {
            if let cellStart = cellStarts.last, text.count > cellStart { text.append(UInt8(ascii: " ")) }
            paragraphStart = text.count
            paragraphIsHeading = false
        } else if name == "tc" {
            cellStarts.append(text.count)
        } else if name == "tab" {
            if inTabStops == 0 { text.append(UInt8(ascii: "\t")) }
        } else if name == "tabs" {
            inTabStops += 1
        } else if name == "br" || name == "cr" {
            text.append(UInt8(ascii: "\n"))
        } else if name == "pStyle" {
            let style = (element.attribute("val") ?? "").lowercased()
            if style.hasPrefix("heading") || style == "title" { paragraphIsHeading = true }
        } else if name == "outlineLvl" {
            paragraphIsHeading = true
        }
    }

    func endElement(_ name: XMLName) {
        if name == "Fallback" {
            inFallback = max(inFallback - 1, 0)
            return
        }
        guard inFallback == 0 else { return }
        if name == "t" {
            inText = max(inText - 1, 0)
        } else if name == "tabs" {
            inTabStops = max(inTabStops - 1, 0)
        } else if name == "p" {
            if paragraphIsHeading, firstHeading == nil {
                let heading = text.title(from: paragraphStart)
                if !heading.isEmpty { firstHeading = heading }
            }
            if cellStarts.isEmpty { text.endLine() }
        } else if name == "tc" {
            _ = cellStarts.popLast()
            text.separateCell()
        } else if name == "tr" {
            text.endRow()
        }
    }

    /// Ends one part, so that the next one starts on a line of its own.
    func endPart() {
        text.endLine()
    }

    func characters(_ characters: UnsafeBufferPointer<UInt8>) {
        if inText > 0, inFallback == 0 { text.append(characters) }
    }
}
