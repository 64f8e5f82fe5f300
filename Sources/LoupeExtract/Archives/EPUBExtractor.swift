/// Extracts EPUB books: the package document named by `META-INF/container.xml`, then each
/// XHTML or HTML document of its spine, in reading order, through ``HTMLExtractor``.
///
/// The title is the package's `dc:title`, else the title of the first chapter that has one
/// (its `<title>`, else its first `<h1>`, else its first line). A book whose spine documents
/// are encrypted (`META-INF/encryption.xml`, DRM) is a problem; obfuscated fonts are not.
enum EPUBExtractor {
    static func extract(_ bytes: [UInt8], options: ExtractionOptions) -> FileExtraction {
        do {
            let package = try ZipPackage(bytes: bytes, options: options)
            return FileExtraction(type: .epub, extractor: .epub, documents: [try book(package)])
        } catch {
            return .failed(.epub, ExtractionProblem(reason: error.reason, extractor: .epub))
        }
    }

    private static func book(_ package: ZipPackage) throws(ContainerFailure) -> ExtractedDocument {
        let container = RootFileReader()
        try package.parseXML("META-INF/container.xml", into: container)
        guard let opfPath = container.rootFile else {
            throw ContainerFailure("no package document named in META-INF/container.xml")
        }
        let opf = PackageDocumentReader(base: PartPath.folder(of: opfPath))
        try package.parseXML(opfPath, into: opf)
        let encrypted = try encryptedParts(package)
        var text: [UInt8] = []
        var chapterTitle = ""
        for path in opf.spine {
            if encrypted.contains(path) { throw ContainerFailure("encrypted (DRM) content in \(path)") }
            let html = try package.bytes(of: path)
            let chapter = html.withUnsafeBytes { HTMLExtractor.extract(TextDecoding.normalizedBytes($0)) }
            if chapterTitle.isEmpty { chapterTitle = chapter.title }
            guard !chapter.text.isEmpty else { continue }
            if !text.isEmpty { text.append(contentsOf: [UInt8(ascii: "\n"), UInt8(ascii: "\n")]) }
            text.append(contentsOf: chapter.text.utf8)
        }
        if opf.spine.isEmpty { throw ContainerFailure("empty spine in \(opfPath)") }
        return ExtractedDocument(title: opf.title.title ?? chapterTitle, text: TextDecoding.string(from: text))
    }

    /// The parts that `META-INF/encryption.xml` lists as encrypted (fonts among them, which
    /// are never in the spine).
    private static func encryptedParts(_ package: ZipPackage) throws(ContainerFailure) -> Set<String> {
        guard package.contains("META-INF/encryption.xml") else { return [] }
        let reader = EncryptionReader()
        try package.parseXML("META-INF/encryption.xml", into: reader)
        return reader.parts
    }

    /// `META-INF/container.xml`: the first `rootfile`'s `full-path`.
    private final class RootFileReader: XMLEventHandler {
        private(set) var rootFile: String?

        func startElement(_ element: XMLElementStart) {
            guard rootFile == nil, element.name == "rootfile", let path = element.attribute("full-path") else { return }
            rootFile = PartPath.resolve(path, against: "")
        }

        func endElement(_ localName: XMLName) {}
        func characters(_ text: UnsafeBufferPointer<UInt8>) {}
    }

    /// The package document (OPF): its `dc:title`, and the spine as archive paths of
    /// (X)HTML documents, in reading order.
    private final class PackageDocumentReader: XMLEventHandler {
        let title = MetadataTitleReader()
        private let base: String
        private var manifest: [String: (path: String, mediaType: String)] = [:]
        private var spineIDs: [String] = []

        init(base: String) {
            self.base = base
        }

        var spine: [String] {
            spineIDs.compactMap { id in
                guard let item = manifest[id], item.mediaType.contains("html") else { return nil }
                return item.path
            }
        }

        func startElement(_ element: XMLElementStart) {
            title.startElement(element)
            if element.name == "item", let id = element.attribute("id"), let href = element.attribute("href") {
                manifest[id] = (PartPath.resolve(href, against: base), element.attribute("media-type") ?? "")
            } else if element.name == "itemref", let id = element.attribute("idref") {
                spineIDs.append(id)
            }
        }

        func endElement(_ localName: XMLName) {
            title.endElement(localName)
        }

        func characters(_ text: UnsafeBufferPointer<UInt8>) {
            title.characters(text)
        }
    }

    /// `META-INF/encryption.xml`: the parts whose data is encrypted.
    private final class EncryptionReader: XMLEventHandler {
        private(set) var parts: Set<String> = []

        func startElement(_ element: XMLElementStart) {
            if element.name == "CipherReference", let uri = element.attribute("URI") {
                parts.insert(PartPath.resolve(uri, against: ""))
            }
        }

        func endElement(_ localName: XMLName) {}
        func characters(_ text: UnsafeBufferPointer<UInt8>) {}
    }
}
