import Glibc
import LoupeStorage

/// A write to an index that failed because the disk holding it (or the user's quota) is full.
/// Nothing of the failed commit was written: the index stays at its last commit, and can be
/// opened and searched.
public struct DiskFullError: Error, Sendable, CustomStringConvertible {
    /// The index directory.
    public let indexPath: String

    /// Recognizes a disk-full failure in `error`, thrown while writing the index at `indexPath`
    /// (by an ``IndexWriter``, its spill files, or an indexer); nil for any other error.
    ///
    /// LMDB reports `ENOSPC` (or `EDQUOT`) when a write finds no room at all, but `EIO` when a
    /// write was cut short; an `EIO` counts as a full disk when less than a megabyte is left on
    /// the index's file system.
    public init?(_ error: any Error, indexPath: String) {
        if let spill = error as? SpillFileError {
            guard spill.isDiskFull else { return nil }
            self.indexPath = indexPath
            return
        }
        guard let storage = error as? StorageError else { return nil }
        guard storage.isDiskFull || (storage.code == EIO && Self.freeBytes(at: indexPath).map { $0 < 1 << 20 } == true) else {
            return nil
        }
        self.indexPath = indexPath
    }

    public var description: String {
        "the disk holding the index at \(indexPath) is full (no space left on device); the index stays at its last commit"
    }

    /// Bytes an unprivileged user may still write on the file system holding `path`.
    private static func freeBytes(at path: String) -> Int? {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return nil }
        return Int(stats.f_bavail) * Int(stats.f_frsize)
    }
}
