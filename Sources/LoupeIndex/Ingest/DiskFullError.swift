import LoupeStorage

/// A write to an index that failed because the disk holding it (or the user's quota) is full.
/// Nothing of the failed commit was written: the index stays at its last commit, and can be
/// opened and searched.
public struct DiskFullError: Error, Sendable, CustomStringConvertible {
    /// The index directory.
    public let indexPath: String

    /// Recognizes a disk-full failure in `error`, thrown while writing the index at `indexPath`
    /// (by an ``IndexWriter`` or an indexer); nil for any other error.
    public init?(_ error: any Error, indexPath: String) {
        guard let storage = error as? StorageError, storage.isDiskFull else { return nil }
        self.indexPath = indexPath
    }

    public var description: String {
        "the disk holding the index at \(indexPath) is full (no space left on device); the index stays at its last commit"
    }
}
