/// The relationships of an OOXML part (`_rels/.rels`, `word/_rels/document.xml.rels`): ids
/// and types to target paths, resolved against the part's folder.
final class PackageRelationships: XMLEventHandler {
    private let base: String
    /// Target paths by relationship id.
    private(set) var targets: [String: String] = [:]
    /// (type, target path) pairs in document order.
    private(set) var typed: [(type: String, target: String)] = []

    private init(base: String) {
        self.base = base
    }

    func startElement(_ element: XMLElementStart) {
        guard element.name == "Relationship", let target = element.attribute("Target"),
              element.attribute("TargetMode") != "External" else { return }
        let path = PartPath.resolve(target, against: base)
        if let id = element.attribute("Id") { targets[id] = path }
        typed.append((element.attribute("Type") ?? "", path))
    }

    func endElement(_ localName: XMLName) {}
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}

    /// The first target whose type ends with `/suffix` (`officeDocument`), if any.
    func target(ofType suffix: String) -> String? {
        typed.first { $0.type.hasSuffix("/" + suffix) }?.target
    }

    /// The relationships of the part at `partPath` (`""` for the package itself): an empty set
    /// when the archive has none.
    static func of(_ partPath: String, in package: ZipPackage) throws(ContainerFailure) -> PackageRelationships {
        let folder = PartPath.folder(of: partPath)
        let name = partPath.split(separator: "/").last.map(String.init) ?? ""
        let relsPath = folder + "_rels/" + name + ".rels"
        let relationships = PackageRelationships(base: folder)
        if package.contains(relsPath) { try package.parseXML(relsPath, into: relationships) }
        return relationships
    }
}
