import LoupeExtract

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
    /// Inputs passed over, with why: paths the folder walk could not enter or read (unreadable
    /// folders, symbolic-link loops, FIFOs), files sharing an id, malformed JSON lines. A file
    /// whose content cannot be read is not skipped: it is a document of its name (see
    /// ``problems``).
    public var skipped: [(source: String, reason: String)] = []
    /// Symbolic links left alone (links are followed only with ``IndexingOptions/followSymlinks``).
    public var linksLeftAlone = 0
    /// Paths to a file already indexed under an earlier path (hard links, links followed).
    public var duplicatePaths = 0
    /// Files read again because of the problem ledger: their extractor's version changed, or
    /// the helper program they missed appeared.
    public var retried = 0
    /// Files (and paths the walk passed over) under the run's roots that could not be read, as
    /// the problem ledger holds them after the run.
    public var problems = 0
    /// The documents of the run's files (added, updated or unchanged) by type: the type the
    /// extractor found, or for a file not read again, the one its name says.
    public var documentsByType: [DocumentType: TypeCount] = [:]
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

/// Documents of one type in an ``IndexingReport``.
public struct TypeCount: Sendable, Equatable {
    /// Documents of the type.
    public var documents = 0
    /// Those of them indexed by their name and path only, their content unreadable.
    public var nameOnly = 0

    public init(documents: Int = 0, nameOnly: Int = 0) {
        self.documents = documents
        self.nameOnly = nameOnly
    }
}

/// Progress of a run, for a progress bar: `done` of `total` inputs (total 0 when unknown).
public struct IndexingProgress: Sendable {
    public var done: Int
    public var total: Int
    public var bytes: Int
}
