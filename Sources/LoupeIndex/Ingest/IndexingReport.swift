/// What an indexing run did.
public struct IndexingReport: Sendable {
    /// Documents that were new.
    public var added = 0
    /// Documents whose content changed and were re-indexed.
    public var updated = 0
    /// Documents removed because their source is gone.
    public var removed = 0
    /// Documents left as they were.
    public var unchanged = 0
    /// Inputs passed over, with why (files that are binary, too large, unreadable, loops;
    /// malformed JSON lines).
    public var skipped: [(source: String, reason: String)] = []
    /// Distinct (field, term) pairs written.
    public var terms = 0
    /// Postings written.
    public var postings = 0
    /// Bytes of source read.
    public var bytes = 0
    /// Wall time.
    public var seconds = 0.0
    /// True when the run ended with an automatic compaction.
    public var compacted = false

    public init() {}

    /// Compacts `index` when deletions reached `options.compactDeletedRatio`.
    mutating func compactIfDue(_ index: Index, _ options: IndexingOptions) throws {
        guard options.compactDeletedRatio < 1, try Compactor(index: index).isDue(deletedRatio: options.compactDeletedRatio) else { return }
        try Compactor(index: index).compact()
        compacted = true
    }

    mutating func absorb(_ commit: CommitSummary) {
        terms += commit.terms
        postings += commit.postings
    }
}

/// Progress of a run, for a progress bar: `done` of `total` inputs (total 0 when unknown).
public struct IndexingProgress: Sendable {
    public var done: Int
    public var total: Int
    public var bytes: Int
}
