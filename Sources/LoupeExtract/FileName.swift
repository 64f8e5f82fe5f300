/// The parts of a file name that decide how a file is read: its last component, its
/// extension, and the name inside a compression suffix.
struct FileName {
    /// The last `/`-separated component.
    let lastComponent: Substring

    init(_ path: some StringProtocol) {
        let string = String(path)
        if let slash = string.lastIndex(of: "/") {
            lastComponent = string[string.index(after: slash)...]
        } else {
            lastComponent = string[...]
        }
    }

    /// The last component, lowercased.
    var lastComponentLowercased: String { lastComponent.lowercased() }

    /// The text after the last dot of the last component, lowercased; empty when there is
    /// none. A leading dot (`.profile`) does not start an extension.
    var extensionLowercased: String {
        guard let dot = lastComponent.lastIndex(of: "."), dot != lastComponent.startIndex else { return "" }
        return lastComponent[lastComponent.index(after: dot)...].lowercased()
    }

    /// The compression that the extension names, if any.
    var compression: Compression? { Compression(fileExtension: extensionLowercased) }

    /// The last component without its compression suffix (`ls.1.gz` → `ls.1`); the last
    /// component itself when it has none.
    var withoutCompression: Substring {
        guard compression != nil, let dot = lastComponent.lastIndex(of: ".") else { return lastComponent }
        return lastComponent[..<dot]
    }
}
