import Foundation
import LoupeIndex

/// Changes noticed but not yet indexed, handed over from the watcher's reading thread to its
/// indexing thread.
struct ChangeBatch: Sendable {
    /// Paths that changed (files, folders, or paths now gone).
    var paths: Set<RootedPath> = []
    /// Every root must be rescanned (events were lost); ``paths`` then add nothing.
    var rescan = false
    /// When the first change of the batch was noticed.
    var firstChange: ContinuousClock.Instant
}

/// Collects changes and releases them as debounced batches: a batch is due once no change came
/// for the quiet period, or the first change has waited for the longest delay, whichever comes
/// first. All state is guarded by one condition variable.
final class ChangeQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: ChangeBatch?
    private var lastChange = ContinuousClock.now
    private var closed = false

    /// Notes that `path` changed.
    func add(_ path: RootedPath) {
        update { $0.paths.insert(path) }
    }

    /// Notes that every root must be rescanned.
    func addRescan() {
        update { $0.rescan = true }
    }

    private func update(_ change: (inout ChangeBatch) -> Void) {
        condition.lock()
        defer { condition.unlock() }
        let now = ContinuousClock.now
        var batch = pending ?? ChangeBatch(firstChange: now)
        change(&batch)
        pending = batch
        lastChange = now
        condition.broadcast()
    }

    /// Puts a batch that could not be indexed back, merged with what came since.
    func putBack(_ batch: ChangeBatch) {
        condition.lock()
        defer { condition.unlock() }
        guard var merged = pending else {
            pending = batch
            return
        }
        merged.paths.formUnion(batch.paths)
        merged.rescan = merged.rescan || batch.rescan
        merged.firstChange = min(merged.firstChange, batch.firstChange)
        pending = merged
    }

    /// Stops waiting: ``take(quiet:maxDelay:)`` hands out what is pending at once, then nil.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the next due batch; nil once the queue is closed and empty.
    func take(quiet: Duration, maxDelay: Duration) -> ChangeBatch? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let batch = pending {
                let due = min(lastChange + quiet, batch.firstChange + maxDelay)
                if closed || ContinuousClock.now >= due {
                    pending = nil
                    return batch
                }
                _ = condition.wait(until: Date(timeIntervalSinceNow: Self.seconds(ContinuousClock.now.duration(to: due))))
            } else if closed {
                return nil
            } else {
                condition.wait()
            }
        }
    }

    /// Waits `delay` (a back-off after a failure); returns false at once, or as soon as it
    /// happens, when the queue is closed.
    func pause(_ delay: Duration) -> Bool {
        let end = ContinuousClock.now + delay
        condition.lock()
        defer { condition.unlock() }
        while !closed && ContinuousClock.now < end {
            _ = condition.wait(until: Date(timeIntervalSinceNow: Self.seconds(ContinuousClock.now.duration(to: end))))
        }
        return !closed
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
