/// Reads the `dc:title` of a metadata part: OOXML's `docProps/core.xml`, ODF's `meta.xml`
/// or an EPUB's package document. The first `title` element wins.
final class MetadataTitleReader: XMLEventHandler {
    private var depth = 0
    private var text = TextAccumulator()
    private var done = false

    /// The title found, cleaned; `nil` when there is none or it is blank.
    var title: String? {
        let cleaned = text.title(from: 0)
        return cleaned.isEmpty ? nil : cleaned
    }

    func startElement(_ element: XMLElementStart) {
        if depth > 0 {
            depth += 1
        } else if !done, element.name == "title" {
            depth = 1
        }
    }

    func endElement(_ localName: XMLName) {
        guard depth > 0 else { return }
        depth -= 1
        if depth == 0 { done = true }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if depth > 0 { self.text.append(text) }
    }

    /// The title of the metadata part at `path` in `package`; `nil` when the part is missing
    /// or has no title. A damaged metadata part is not an error: the body still gives a title.
    static func title(of path: String, in package: ZipPackage) -> String? {
        guard package.contains(path) else { return nil }
        let reader = MetadataTitleReader()
        do {
            try package.parseXML(path, into: reader)
        } catch {
            return nil
        }
        return reader.title
    }
}
