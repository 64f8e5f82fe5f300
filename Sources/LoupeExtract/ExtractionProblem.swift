/// Why a file's content could not be read (or was read only in part). The file is still a
/// document, searchable by its name and path; the problem goes to the index's ledger.
public struct ExtractionProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in a few words: `"encrypted PDF"`, `"decompressed size over 64 MiB"`,
    /// `"binary content"`.
    public var reason: String
    /// The extractor that failed.
    public var extractor: Extractor
    /// The helper program that was not found in `PATH`, when that is the reason.
    public var missingProgram: String?

    public init(reason: String, extractor: Extractor, missingProgram: String? = nil) {
        self.reason = reason
        self.extractor = extractor
        self.missingProgram = missingProgram
    }

    public var description: String { "\(reason) (\(extractor))" }
}
