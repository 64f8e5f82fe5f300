/// A file under an indexed folder whose content could not be read, or that the walk passed
/// over: one entry of the index's problem ledger (see ``ProblemLedger``).
///
/// A file whose content could not be read is still a document (of its name and path); a path
/// the walk passed over (an unreadable folder, a FIFO, a symbolic-link loop) is not.
public struct FileProblem: Sendable, Equatable {
    /// The absolute path of the file (or folder).
    public var path: String
    /// The id of the file's document; for a path the walk passed over, the id it would have.
    public var id: String
    /// What went wrong, in a few words.
    public var reason: String
    /// The extractor that failed (an `Extractor` raw value), or ``walkExtractor`` for a path
    /// the walk passed over.
    public var extractor: String
    /// The extractor's version when it failed; 0 for ``walkExtractor``.
    public var extractorVersion: Int
    /// The helper program that was missing from `PATH`, when that is the reason.
    public var missingProgram: String?
    /// The file's size in bytes when it failed (0 when unknown).
    public var size: UInt64
    /// The file's modification time in nanoseconds since 1970 when it failed (0 when unknown).
    public var mtimeNanoseconds: Int64

    /// The ``extractor`` of a path the folder walk passed over before any extractor saw it.
    public static let walkExtractor = "walk"

    public init(
        path: String, id: String, reason: String, extractor: String, extractorVersion: Int, missingProgram: String? = nil,
        size: UInt64 = 0, mtimeNanoseconds: Int64 = 0
    ) {
        self.path = path
        self.id = id
        self.reason = reason
        self.extractor = extractor
        self.extractorVersion = extractorVersion
        self.missingProgram = missingProgram
        self.size = size
        self.mtimeNanoseconds = mtimeNanoseconds
    }
}
