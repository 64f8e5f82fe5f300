/// Extracts Office Open XML (DOCX, XLSX, PPTX) and OpenDocument (ODT, ODS, ODP) files: zip
/// packages of XML parts, read as streams through ``ZipPackage`` and ``XMLStreamParser``.
///
/// - DOCX: the main document (found through `_rels/.rels`, else `word/document.xml`), then
///   the headers, footers, footnotes and endnotes.
/// - XLSX: the worksheets in workbook order, each preceded by its name, shared strings
///   looked up.
/// - PPTX: the slides in presentation order.
/// - ODF: `content.xml`.
///
/// The title is the metadata's `dc:title` (`docProps/core.xml`, `meta.xml`), else the first
/// heading (a DOCX Heading or Title paragraph, an ODF `text:h`, a PPTX title placeholder;
/// the first non-empty row of a spreadsheet), else the first line.
enum OfficeExtractor {
    static func extract(_ bytes: [UInt8], type: DocumentType, options: ExtractionOptions) -> FileExtraction {
        do {
            let package = try ZipPackage(bytes: bytes, options: options)
            let document: ExtractedDocument = switch type {
            case .docx: try wordprocessing(package)
            case .xlsx: try spreadsheet(package)
            case .pptx: try presentation(package)
            default: try openDocument(package)
            }
            return FileExtraction(type: type, extractor: .office, documents: [document])
        } catch {
            return .failed(type, ExtractionProblem(reason: error.reason, extractor: .office))
        }
    }

    /// The main part of an OOXML package: the target of its `officeDocument` relationship,
    /// else `fallback`.
    private static func mainPart(of package: ZipPackage, fallback: String) throws(ContainerFailure) -> String {
        let main = try PackageRelationships.of("", in: package).target(ofType: "officeDocument")
        if let main, package.contains(main) { return main }
        guard package.contains(fallback) else { throw ContainerFailure("missing part \(fallback)") }
        return fallback
    }

    private static func wordprocessing(_ package: ZipPackage) throws(ContainerFailure) -> ExtractedDocument {
        let main = try mainPart(of: package, fallback: "word/document.xml")
        let reader = WordprocessingReader()
        try package.parseXML(main, into: reader)
        let heading = reader.firstHeading
        let bodyTitle = reader.text.document(title: nil).title
        let folder = PartPath.folder(of: main)
        let extras = ["header", "footer", "footnotes", "endnotes"]
        for path in package.paths where PartPath.folder(of: path) == folder && path.hasSuffix(".xml") {
            let name = path.dropFirst(folder.count)
            guard extras.contains(where: { name.hasPrefix($0) }) else { continue }
            reader.endPart()
            try package.parseXML(path, into: reader)
        }
        let title = MetadataTitleReader.title(of: "docProps/core.xml", in: package) ?? heading ?? bodyTitle
        return reader.text.document(title: title)
    }

    private static func spreadsheet(_ package: ZipPackage) throws(ContainerFailure) -> ExtractedDocument {
        let workbook = try mainPart(of: package, fallback: "xl/workbook.xml")
        let relationships = try PackageRelationships.of(workbook, in: package)
        let reader = SpreadsheetReader()
        let shared = relationships.target(ofType: "sharedStrings") ?? "xl/sharedStrings.xml"
        if package.contains(shared) {
            try package.parseXML(shared, into: reader)
        }
        let sheets = SheetList()
        try package.parseXML(workbook, into: sheets)
        var found = false
        for sheet in sheets.sheets {
            guard let path = relationships.targets[sheet.relationship], package.contains(path) else { continue }
            reader.startSheet(named: sheet.name)
            try package.parseXML(path, into: reader)
            found = true
        }
        if !found, !sheets.sheets.isEmpty { throw ContainerFailure("missing worksheet parts") }
        let title = MetadataTitleReader.title(of: "docProps/core.xml", in: package) ?? reader.firstRow
        return reader.text.document(title: title)
    }

    private static func presentation(_ package: ZipPackage) throws(ContainerFailure) -> ExtractedDocument {
        let main = try mainPart(of: package, fallback: "ppt/presentation.xml")
        let relationships = try PackageRelationships.of(main, in: package)
        let order = SlideList()
        try package.parseXML(main, into: order)
        var slides = order.relationships.compactMap { relationships.targets[$0] }.filter(package.contains)
        if slides.isEmpty {
            // No usable slide list: the slide parts in the order of their numbers.
            slides = package.paths.filter { $0.hasPrefix("ppt/slides/slide") && $0.hasSuffix(".xml") }
                .sorted { slideNumber($0) < slideNumber($1) }
        }
        let reader = PresentationReader()
        for slide in slides {
            try package.parseXML(slide, into: reader)
            reader.endSlide()
        }
        let title = MetadataTitleReader.title(of: "docProps/core.xml", in: package) ?? reader.firstTitle
        return reader.text.document(title: title)
    }

    private static func openDocument(_ package: ZipPackage) throws(ContainerFailure) -> ExtractedDocument {
        let reader = OpenDocumentReader()
        try package.parseXML("content.xml", into: reader)
        let title = MetadataTitleReader.title(of: "meta.xml", in: package) ?? reader.firstHeading
        return reader.text.document(title: title)
    }

    private static func slideNumber(_ path: String) -> Int {
        Int(path.dropFirst("ppt/slides/slide".count).dropLast(".xml".count)) ?? Int.max
    }

    /// The sheets of `xl/workbook.xml`, in order: names and relationship ids.
    private final class SheetList: XMLEventHandler {
        private(set) var sheets: [(name: String, relationship: String)] = []

        func startElement(_ element: XMLElementStart) {
            guard element.name == "sheet", let id = element.attribute("id", namespaced: true) else { return }
            sheets.append((element.attribute("name") ?? "", id))
        }

        func endElement(_ localName: XMLName) {}
        func characters(_ text: UnsafeBufferPointer<UInt8>) {}
    }

    /// The slides of `ppt/presentation.xml` (`p:sldId r:id`), in order.
    private final class SlideList: XMLEventHandler {
        private(set) var relationships: [String] = []

        func startElement(_ element: XMLElementStart) {
            guard element.name == "sldId", let id = element.attribute("id", namespaced: true) else { return }
            relationships.append(id)
        }

        func endElement(_ localName: XMLName) {}
        func characters(_ text: UnsafeBufferPointer<UInt8>) {}
    }
}
