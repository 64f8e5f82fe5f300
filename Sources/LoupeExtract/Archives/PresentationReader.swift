/// Reads a PresentationML slide (`ppt/slides/slideN.xml`): the DrawingML text runs (`a:t`),
/// one line per paragraph, `a:br` as a line break, table cells apart. The text of the
/// first shape holding a title placeholder (`title`, `ctrTitle`) is remembered as
/// ``firstTitle``, across all the slides read.
final class PresentationReader: XMLEventHandler {
    private(set) var text = TextAccumulator()
    private(set) var firstTitle: String?
    private var inText = 0
    private var shapeDepth = 0
    private var shapeStart = 0
    private var shapeIsTitle = false

    func startElement(_ element: XMLElementStart) {
        let name = element.name
        if name == "t" {
            inText += 1
        } else if name == "br" {
            text.append(UInt8(ascii: "\n"))
        } else if name == "sp" {
            shapeDepth += 1
            if shapeDepth == 1 {
                shapeStart = text.count
                shapeIsTitle = false
            }
        } else if name == "ph", shapeDepth > 0 {
            let type = element.attribute("type")
            if type == "title" || type == "ctrTitle" { shapeIsTitle = true }
        }
    }

    func endElement(_ name: XMLName) {
        if name == "t" {
            inText = max(inText - 1, 0)
        } else if name == "p" {
            text.endLine()
        } else if name == "tc" {
            text.separateCell()
        } else if name == "tr" {
            text.endRow()
        } else if name == "sp", shapeDepth > 0 {
            shapeDepth -= 1
            if shapeDepth == 0, shapeIsTitle, firstTitle == nil {
                let title = text.title(from: shapeStart)
                if !title.isEmpty { firstTitle = title }
            }
        }
    }

    func characters(_ characters: UnsafeBufferPointer<UInt8>) {
        if inText > 0 { text.append(characters) }
    }

    /// Separates one slide's text from the next.
    func endSlide() {
        text.endLine()
        text.append(UInt8(ascii: "\n"))
    }
}
