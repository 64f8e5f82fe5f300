/// Reads an OpenDocument `content.xml` (ODT, ODS, ODP): the text of paragraphs (`text:p`)
/// and headings (`text:h`), one line each, with `text:s` as its count of spaces, `text:tab`
/// as a tab and `text:line-break` as a line break. A table row is one line, its cells apart
/// by tabs and the paragraphs of one cell by spaces. Character data outside paragraphs and
/// headings (the XML's own indentation) is not text. The first heading is remembered as
/// ``firstHeading``.
final class OpenDocumentReader: XMLEventHandler {
    private(set) var text = TextAccumulator()
    private(set) var firstHeading: String?
    private var inParagraph = 0
    private var headingDepth = 0
    private var headingStart = 0
    /// Where the text of each open table cell starts, innermost last.
    private var cellStarts: [Int] = []

    func startElement(_ element: XMLElementStart) {
        let name = element.name
        if name == "p" || name == "h" {
            if inParagraph == 0, let cellStart = cellStarts.last, text.count > cellStart {
                text.append(UInt8(ascii: " "))
            }
            inParagraph += 1
            if name == "h" {
                headingDepth += 1
                if headingDepth == 1 { headingStart = text.count }
            }
        } else if name == "table-cell" || name == "covered-table-cell" {
            cellStarts.append(text.count)
        } else if inParagraph > 0 {
            if name == "s" {
                let count = min(max(Int(element.attribute("c") ?? "1") ?? 1, 1), 1000)
                for _ in 0..<count { text.append(UInt8(ascii: " ")) }
            } else if name == "tab" {
                text.append(UInt8(ascii: "\t"))
            } else if name == "line-break" {
                text.append(UInt8(ascii: "\n"))
            }
        }
    }

    func endElement(_ name: XMLName) {
        if name == "p" || name == "h" {
            inParagraph = max(inParagraph - 1, 0)
            if name == "h", headingDepth > 0 {
                headingDepth -= 1
                if headingDepth == 0, firstHeading == nil {
                    let heading = text.title(from: headingStart)
                    if !heading.isEmpty { firstHeading = heading }
                }
            }
            if cellStarts.isEmpty { text.endLine() }
        } else if name == "table-cell" || name == "covered-table-cell" {
            _ = cellStarts.popLast()
            text.separateCell()
        } else if name == "table-row" {
            text.endRow()
        }
    }

    func characters(_ characters: UnsafeBufferPointer<UInt8>) {
        if inParagraph > 0 { text.append(characters) }
    }
}
