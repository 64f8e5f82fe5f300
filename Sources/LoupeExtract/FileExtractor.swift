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
    ///
    /// A compressed file (`.gz`, `.bz2`, `.xz`, `.zst`) is decompressed as a stream, at most
    /// `options.maxBytes` bytes of it, and read as its inner name says. A man page is rendered
    /// by ``ManPageExtractor``; a PDF is read by `pdftotext` (``PDFExtractor``).
    public func extract(fileAt path: String) -> FileExtraction {
        let type = DocumentType(fileName: path)
        let extractor = Self.textExtractor(for: type)
        let compression = FileName(path).compression
        if type == .pdf, compression == nil { return Self.extraction(PDFExtractor.extract(fileAt: path, options: options)) }
        let loaded: Result<[UInt8], ExtractionProblem> = if let compression {
            Result { () throws(DecompressionError) in
                try StreamDecompression.decompress(fileAt: path, compression, maxBytes: options.maxBytes)
            }.mapError { ExtractionProblem(reason: $0.description, extractor: extractor) }
        } else {
            Result { () throws(SkipReason) in try FileContents.load(path: path, maxBytes: options.maxBytes) }
                .mapError { ExtractionProblem(reason: $0.description, extractor: extractor) }
        }
        let bytes: [UInt8]
        switch loaded {
        case .success(let content): bytes = content
        case .failure(let problem): return .failed(type, problem)
        }
        switch type {
        case .pdf:
            return Self.extraction(PDFExtractor.extract(bytes: bytes, options: options))
        case .man:
            guard TextSniffer.looksLikeText(bytes) else {
                return .failed(type, ExtractionProblem(reason: SkipReason.binary.description, extractor: .man))
            }
            switch ManPageExtractor.extract(bytes, path: path, maxBytes: options.maxBytes) {
            case .success(let document): return FileExtraction(type: type, extractor: .man, documents: [document])
            case .failure(let problem): return .failed(type, problem)
            }
        default:
            return extract(bytes: bytes, type: type)
        }
    }

    /// The extraction of a PDF that gave `result`.
    private static func extraction(_ result: Result<ExtractedDocument, ExtractionProblem>) -> FileExtraction {
        switch result {
        case .success(let document): FileExtraction(type: .pdf, extractor: .pdf, documents: [document])
        case .failure(let problem): .failed(.pdf, problem)
        }
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
        case .man: .man
        case .pdf: .pdf
        case .docx, .xlsx, .pptx, .odt, .ods, .odp: .office
        case .epub: .epub
        case .email: .email
        default: .text
        }
    }
}
