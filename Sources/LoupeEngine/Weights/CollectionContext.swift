import LoupeIndex

/// What a retrieval run needs besides its weight: which documents to skip, and when to give up.
struct CollectionContext {
    /// True for a document to skip (tombstoned, or rejected by a filter); nil when none is.
    let deleted: ((UInt32) -> Bool)?
    let deadline: Deadline
    /// Whether a filter rejects documents: then a term's document frequency is no longer its total.
    let filtered: Bool

    init(reader: IndexReader, deadline: Deadline) {
        deleted = reader.statistics.deletedDocs > 0 ? { reader.isDeleted($0) } : nil
        self.deadline = deadline
        filtered = false
    }

    private init(deleted: ((UInt32) -> Bool)?, deadline: Deadline, filtered: Bool) {
        self.deleted = deleted
        self.deadline = deadline
        self.filtered = filtered
    }

    /// This context, also skipping the documents `filter` rejects.
    func rejecting(_ filter: DocFilter) -> CollectionContext {
        let rejected: (UInt32) -> Bool = deleted.map { deleted in { deleted($0) || !filter.matches($0) } } ?? { !filter.matches($0) }
        return CollectionContext(deleted: rejected, deadline: deadline, filtered: true)
    }
}
