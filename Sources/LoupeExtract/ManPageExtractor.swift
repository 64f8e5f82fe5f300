/// Extracts man pages (roff, man(7) or mdoc(7) macros) through ``RoffRenderer``.
///
/// The title is `name(section) — description`, from the NAME section (`ls \- list directory
/// contents` in `ls.1` gives `ls(1) — list directory contents`): the first of the names, the
/// section of `.TH` (or `.Dt`, else the file name's), and the text after the dash. A page
/// without a NAME section takes its first section's text instead; one without any, the name
/// in `.TH` and the file name.
///
/// `.so` is resolved: the named file (`man1/other.1`) is looked up from the folder above the
/// page's, then from the page's own folder, with or without a compression suffix, and rendered
/// in its place, so an alias page reads as the page it stands for. A page that renders to no
/// text because its `.so` target cannot be found is a problem (`includes man1/other.1, which
/// was not found`).
enum ManPageExtractor {
    /// Extracts `bytes`, the (decompressed) content of the page at `path`.
    static func extract(_ bytes: [UInt8], path: String, maxBytes: Int) -> Result<ExtractedDocument, ExtractionProblem> {
        var missing: String?
        let renderer = RoffRenderer(include: { name in
            let found = includedFile(name, from: path, maxBytes: maxBytes)
            if found == nil, missing == nil { missing = name }
            return found
        })
        renderer.render(TextDecoding.string(from: bytes.withUnsafeBytes { TextDecoding.normalizedBytes($0) }))
        let text = renderer.text
        if let missing, !text.contains(where: { !$0.isWhitespace }) {
            return .failure(ExtractionProblem(reason: "includes \(missing), which was not found", extractor: .man))
        }
        return .success(ExtractedDocument(title: title(of: renderer, path: path), text: text))
    }

    /// The `name(section) — description` title.
    static func title(of renderer: RoffRenderer, path: String) -> String {
        let fileName = FileName(FileName(path).withoutCompression)
        var section = renderer.pageSection.lowercased()
        if section.isEmpty { section = fileName.extensionLowercased }
        var names = ""
        var description = ""
        if let mdoc = renderer.mdocDescription {
            names = renderer.mdocName
            description = mdoc
        } else {
            (names, description) = splitNameLine(renderer.nameSectionText)
        }
        var name = names.split(separator: ",").first.map { TitleRule.clean($0) } ?? ""
        if name.isEmpty {
            let header = renderer.pageName
            name = header.isEmpty ? String(fileName.lastComponent.split(separator: ".").first ?? "")
                : header == header.uppercased() ? header.lowercased() : header
        }
        let head = section.isEmpty ? name : "\(name)(\(section))"
        return TitleRule.clean(description.isEmpty ? head : "\(head) — \(description)")
    }

    /// The names and the description of a NAME line: `ls - list directory contents`; both
    /// empty when the line has no dash (the name then comes from `.TH`).
    static func splitNameLine(_ line: String) -> (names: String, description: String) {
        for separator in [" - ", " — ", " – ", " -- ", " \u{2212} "] {
            if let range = line[...].range(of: separator) {
                return (String(line[..<range.lowerBound]), TitleRule.clean(line[range.upperBound...]))
            }
        }
        return ("", "")
    }

    /// The content of the file that `.so name` in the page at `path` includes, or `nil`.
    private static func includedFile(_ name: String, from path: String, maxBytes: Int) -> [UInt8]? {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let parent = folder.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let bases = name.hasPrefix("/") ? [name] : [parent + "/" + name, folder + "/" + name]
        for base in bases {
            for suffix in ["", ".gz", ".bz2", ".xz", ".zst"] {
                let candidate = base + suffix
                if let compression = FileName(candidate).compression, !suffix.isEmpty {
                    if let bytes = try? StreamDecompression.decompress(fileAt: candidate, compression, maxBytes: maxBytes) {
                        return bytes
                    }
                } else if let bytes = try? FileContents.load(path: candidate, maxBytes: maxBytes) {
                    return bytes
                }
            }
        }
        return nil
    }
}
