/// What extracting one file gave: its type, its documents, and the problem, if any.
///
/// Most files give one document. An mbox file gives one per message (``isMultipart``), whose
/// ids are the file's id followed by `#1`, `#2`, ... in file order. A file whose content could
/// not be read gives no document and a ``problem``; the indexer still makes it a document
/// of its name and path.
public struct FileExtraction: Sendable, Equatable {
    /// The file's type, from its name (see ``DocumentType/init(fileName:)``); ``DocumentType/email``
    /// for a file whose name says nothing but whose first line is an mbox `From ` line.
    public var type: DocumentType
    /// The extractor that read it (or tried to).
    public var extractor: Extractor
    /// The documents, in order; empty when nothing could be read.
    public var documents: [ExtractedDocument]
    /// Whether each document is one part of the file, numbered from 1 (mbox).
    public var isMultipart: Bool
    /// Why the content could not be read, in whole or in part.
    public var problem: ExtractionProblem?

    public init(type: DocumentType, extractor: Extractor, documents: [ExtractedDocument],
                isMultipart: Bool = false, problem: ExtractionProblem? = nil) {
        self.type = type
        self.extractor = extractor
        self.documents = documents
        self.isMultipart = isMultipart
        self.problem = problem
    }

    /// A failed extraction: no document, and `problem`.
    public static func failed(_ type: DocumentType, _ problem: ExtractionProblem) -> FileExtraction {
        FileExtraction(type: type, extractor: problem.extractor, documents: [], problem: problem)
    }
}
