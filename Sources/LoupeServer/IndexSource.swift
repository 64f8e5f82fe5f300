import Foundation
import LoupeIndex
import Synchronization

/// The index the daemon's queries read: fixed on a primary, the newest snapshot on a replica.
///
/// A query takes ``current`` once and keeps that ``Index`` (and its reader) to the end, so a
/// switch (``replace(with:)``) never changes the index under a running query: in-flight queries
/// finish on the old snapshot, new ones start on the new. The old ``Index`` is freed, and its LMDB
/// environment closed and its files released, when the last query holding it ends.
final class IndexSource: Sendable {
    /// One served index and, on a replica, the snapshot it came from.
    struct Served: Sendable {
        let index: Index
        /// The snapshot's directory name; nil on a primary.
        let snapshot: String?
        /// When the snapshot's data file was written (its mtime, kept by `rsync -a`); nil on a primary.
        let written: Date?
    }

    private let state: Mutex<Served>
    /// True when serving snapshots: writes are refused.
    let isReplica: Bool

    /// A primary's source: always `index`.
    init(primary index: Index) {
        state = Mutex(Served(index: index, snapshot: nil, written: nil))
        isReplica = false
    }

    /// A replica's source, starting with `served`.
    init(replica served: Served) {
        state = Mutex(served)
        isReplica = true
    }

    /// The index to use for one request.
    var current: Index { state.withLock { $0.index } }

    /// The index with its snapshot's details.
    var served: Served { state.withLock { $0 } }

    /// Serves `next` from now on; returns what was served before.
    @discardableResult
    func replace(with next: Served) -> Served {
        state.withLock { current in
            let previous = current
            current = next
            return previous
        }
    }
}
