import LoupeExtract

/// What the reading thread of a ``JSONLIndexer`` run hands over for a run of consecutive lines:
/// the documents to add, in file order, and what the lines add to the run's report.
struct JSONLGroup: Sendable {
    /// Documents new or changed, in file order.
    var documents: [DocumentInput] = []
    /// Bytes of text, title and id of `documents`.
    var documentBytes = 0
    /// Malformed lines: `FILE:LINE` and why.
    var skipped: [(source: String, reason: String)] = []
    var added = 0
    var updated = 0
    var unchanged = 0
    /// Bytes of the lines' documents, changed or not (the report's and the progress's measure).
    var bytes = 0
    /// Set on the last group: the ids of the file's earlier documents that it no longer holds.
    var gone: [String]?
    /// The file could not be read on; the lines before stand, and the run fails.
    var failure: JSONLinesFileError?
}
