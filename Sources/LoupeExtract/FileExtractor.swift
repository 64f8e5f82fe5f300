/// Extracting a file found on disk, whatever its format: the one entry point the indexer
/// uses. It never throws: what cannot be read becomes a ``FileExtraction`` with a problem.
///
/// The file's name decides the reader (``DocumentType/init(fileName:)``); a file whose name
/// says nothing is an mbox when its first line is an mbox `From ` line (its type is then
/// ``DocumentType/email``), else read as text when its content looks like text.
public struct FileExtractor: Sendable {
    public var options: ExtractionOptions

    public init(options: ExtractionOptions = ExtractionOptions()) {
        self.options = options
    }

    /// Extracts the file at `path` (symbolic links are followed).
    public func extract(fileAt path: String) -> FileExtraction {
        let type = DocumentType(fileName: path)
        let bytes: [UInt8]
        do {
            bytes = try FileContents.load(path: path, maxBytes: options.maxBytes)
        } catch {
            return .failed(type, ExtractionProblem(reason: error.description, extractor: Self.textExtractor(for: type)))
        }
        return extract(bytes: bytes, type: type)
    }

    /// Extracts `bytes`, the content of a file of type `type`.
    func extract(bytes: [UInt8], type: DocumentType) -> FileExtraction {
        switch type {
        case .docx, .xlsx, .pptx, .odt, .ods, .odp: return OfficeExtractor.extract(bytes, type: type, options: options)
        case .epub: return EPUBExtractor.extract(bytes, options: options)
        case .email: return EmailExtractor.extract(bytes)
        case .other where EmailExtractor.isMbox(bytes): return EmailExtractor.extract(bytes)
        default: break
        }
        let extractor = Self.textExtractor(for: type)
        guard TextSniffer.looksLikeText(bytes) else {
            return .failed(type, ExtractionProblem(reason: SkipReason.binary.description, extractor: extractor))
        }
        let format: DocumentFormat = switch type {
        case .md: .markdown
        case .html: .html
        default: .text
        }
        return FileExtraction(type: type, extractor: extractor,
                              documents: [DocumentExtractor.extract(bytes: bytes, format: format)])
    }

    /// The extractor that reads files of `type`.
    static func textExtractor(for type: DocumentType) -> Extractor {
        switch type {
        case .md: .markdown
        case .html: .html
        case .docx, .xlsx, .pptx, .odt, .ods, .odp: .office
        case .epub: .epub
        case .email: .email
        default: .text
        }
    }
}
