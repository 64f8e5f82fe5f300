/// Settings of an indexing run.
public struct IndexingOptions: Sendable {
    /// Files larger than this are skipped.
    public var maxFileSize = 64 << 20
    /// Bytes of pending postings and text after which the writer commits a batch.
    public var memoryBudget = 512 << 20
    /// Also index files and folders whose names start with a dot.
    public var includeHidden = false
    /// Compact after a run once deleted documents make up this share of the documents on disk
    /// (1 or more turns automatic compaction off).
    public var compactDeletedRatio = 0.25

    public init() {}
}
