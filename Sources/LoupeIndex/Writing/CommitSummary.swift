/// What one commit changed.
public struct CommitSummary: Sendable, Equatable {
    /// Documents written (new or replacing an older version).
    public var added = 0
    /// Documents removed, including older versions replaced by `added` ones.
    public var deleted = 0
    /// Distinct (field, term) pairs touched.
    public var terms = 0
    /// Postings written.
    public var postings = 0
    public init() {}
}
