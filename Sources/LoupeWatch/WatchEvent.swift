import LoupeIndex

/// What a ``FolderWatcher`` tells its owner.
public enum WatchEvent: Sendable {
    /// A batch was indexed and committed (also the initial scan, and rescans).
    case committed(WatchBatch)
    /// The kernel's event queue overflowed, so changes went unreported: every root is rescanned,
    /// and a `.committed` batch of kind ``WatchBatch/Kind/rescan`` follows.
    case overflow
    /// Something could not be watched, or a batch could not be indexed (it is retried after a
    /// pause, with what changed since). The watcher carries on.
    case problem(String)
}

/// One committed batch of a ``FolderWatcher``.
public struct WatchBatch: Sendable {
    /// Why the batch ran.
    public enum Kind: Sendable, Equatable {
        /// The scan of every root when watching starts.
        case initialScan
        /// Paths reported changed by file-system events.
        case changes
        /// The scan of every root after events were lost.
        case rescan
    }

    public var kind: Kind
    /// What was added, updated, removed, left unchanged and skipped.
    public var report: IndexingReport
    /// Changed paths the batch looked at (0 for scans).
    public var paths: Int
    /// From the first change of the batch being noticed (for scans, from the scan being asked
    /// for) to its commit.
    public var latency: Duration

    /// True when the batch changed what the index holds.
    public var changedIndex: Bool { report.added + report.updated + report.removed > 0 }
}
