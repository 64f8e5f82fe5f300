/// Reads SpreadsheetML: the shared strings of an XLSX (`xl/sharedStrings.xml`, one string per
/// `si`, phonetic runs left out) and then each worksheet, whose cells become tab-separated
/// lines, one per row: shared strings looked up, inline strings and values as written.
final class SpreadsheetReader: XMLEventHandler {
    enum Part { case sharedStrings, worksheet }

    var part = Part.sharedStrings
    private(set) var text = TextAccumulator()
    /// The shared strings, in order.
    private(set) var sharedStrings: [[UInt8]] = []
    /// The first row that holds a value, as a one-line title (the sheet names are not one).
    private(set) var firstRow: String?
    private var rowStart = 0
    private var current = TextAccumulator()
    private var inText = 0
    private var inPhonetic = 0
    private var inValue = false
    private var cellType = ""

    func startElement(_ element: XMLElementStart) {
        let name = element.name
        switch part {
        case .sharedStrings:
            if name == "si" {
                current = TextAccumulator()
            } else if name == "t" {
                inText += 1
            } else if name == "rPh" {
                inPhonetic += 1
            }
        case .worksheet:
            if name == "row" {
                rowStart = text.count
            } else if name == "c" {
                cellType = element.attribute("t") ?? "n"
                current = TextAccumulator()
            } else if name == "v" {
                inValue = true
            } else if name == "t" {
                inText += 1
            } else if name == "rPh" {
                inPhonetic += 1
            }
        }
    }

    func endElement(_ name: XMLName) {
        if name == "t" {
            inText = max(inText - 1, 0)
        } else if name == "rPh" {
            inPhonetic = max(inPhonetic - 1, 0)
        } else if name == "v" {
            inValue = false
        }
        switch part {
        case .sharedStrings:
            if name == "si" { sharedStrings.append(current.bytes) }
        case .worksheet:
            if name == "c" {
                endCell()
            } else if name == "row" {
                if firstRow == nil {
                    let row = text.title(from: rowStart)
                    if !row.isEmpty { firstRow = row }
                }
                text.endRow()
            }
        }
    }

    func characters(_ characters: UnsafeBufferPointer<UInt8>) {
        guard inPhonetic == 0 else { return }
        if inText > 0 || (part == .worksheet && inValue) { current.append(characters) }
    }

    /// Writes the cell just read: a shared-string index is looked up; anything else is written as it is.
    private func endCell() {
        var value = current.bytes
        if cellType == "s" {
            let index = Int(String(decoding: value, as: UTF8.self).trimmingASCIISpaces) ?? -1
            value = sharedStrings.indices.contains(index) ? sharedStrings[index] : []
        }
        guard !value.isEmpty else { return }
        text.separateCell()
        value.withUnsafeBufferPointer { text.append($0) }
    }

    /// Starts a new worksheet, with its name on a line of its own.
    func startSheet(named name: String) {
        part = .worksheet
        text.endLine()
        if !name.isEmpty {
            Array(name.utf8).withUnsafeBufferPointer { text.append($0) }
            text.endLine()
        }
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces, tabs and line ends.
    var trimmingASCIISpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return self[first...last]
    }
}
