/// Paths of parts inside a zip package, as relationship targets and EPUB hrefs name them.
enum PartPath {
    /// The folder of `path` with its trailing `/` (`word/document.xml` → `word/`), or `""`.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// The archive path that the reference `reference` (relative, or absolute from the
    /// package root with a leading `/`; percent-encoded; perhaps with a `#fragment`) names
    /// from the folder `base`: `.` and `..` are resolved, and `..` never climbs above the root.
    static func resolve(_ reference: String, against base: String) -> String {
        var reference = Substring(reference)
        if let hash = reference.firstIndex(of: "#") { reference = reference[..<hash] }
        let decoded = percentDecoded(reference)
        var components: [Substring] = []
        let start = decoded.hasPrefix("/") ? decoded : base + decoded
        for component in start.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }

    /// `text` with `%XX` escapes decoded (as UTF-8); malformed escapes stay as written.
    private static func percentDecoded(_ text: Substring) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let value = UInt8(String(decoding: utf8[index + 1...index + 2], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
