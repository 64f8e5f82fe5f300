/// What kind of document a file holds, as the `type:` filter names it.
///
/// The type follows the file's name, with a compression suffix (`.gz`, `.bz2`, `.xz`, `.zst`)
/// taken off first: `notes.txt.gz` is ``txt``, `ls.1.gz` is ``man``. A name that says nothing
/// (no extension, or an unknown one) gives ``other``; such a file is still read as text when
/// its content looks like text.
public enum DocumentType: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    case txt, md, html, pdf, docx, xlsx, pptx, odt, ods, odp, epub, email, man, other

    /// The type that the file name `name` (a path or its last component) says.
    public init(fileName name: some StringProtocol) {
        let inner = FileName(name).withoutCompression
        if ManPageName.section(ofFileName: inner) != nil {
            self = .man
            return
        }
        switch FileName(inner).extensionLowercased {
        case "txt", "text", "rst", "log": self = .txt
        case "md", "markdown": self = .md
        case "html", "htm", "xhtml": self = .html
        case "pdf": self = .pdf
        case "docx": self = .docx
        case "xlsx": self = .xlsx
        case "pptx": self = .pptx
        case "odt": self = .odt
        case "ods": self = .ods
        case "odp": self = .odp
        case "epub": self = .epub
        case "eml", "mbox", "mbx": self = .email
        default: self = FileName(inner).lastComponentLowercased == "mbox" ? .email : .other
        }
    }

    public var description: String { rawValue }
}
