import Dispatch
import Foundation
import Logging
import LoupeIndex
import Synchronization

/// A primary's publishing of snapshots (`louped --publish DIR --publish-every SECONDS`).
///
/// A thread looks at the index's commit number every ``every`` seconds; when it has moved past
/// the newest snapshot in the directory, it writes `snapshot-<commit, 20 digits>` there with
/// ``SnapshotWriter`` (compacted, complete or absent), then deletes the oldest `snapshot-*` beyond
/// the newest ``keep``. So snapshots follow commits, at most one per period, and none is written
/// while nothing changes. Temporary copies left by a crash (`.snapshot-*.partial-*`) are removed
/// when it starts.
final class SnapshotPublisher: Sendable {
    /// The directory snapshots go to.
    let directory: String
    /// Seconds between looks at the commit number.
    let every: Int
    /// Snapshots kept.
    let keep: Int
    private let index: Index
    private let logger: Logger
    private let stopSignal = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let started = Atomic<Bool>(false)
    private let stopping = Atomic<Bool>(false)

    /// Checks that `directory` exists and can be written. Writes nothing yet.
    init(index: Index, directory: String, every: Int, keep: Int, logger: Logger) throws(ServerError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ServerError("--publish \(directory): not a directory")
        }
        guard access(directory, W_OK) == 0 else { throw ServerError("--publish \(directory): not writable") }
        self.index = index
        self.directory = directory
        self.every = every
        self.keep = keep
        self.logger = logger
    }

    /// The name of the snapshot of `commit`; names sort as their commits do.
    static func name(commit: UInt64) -> String {
        let digits = String(commit)
        return "snapshot-" + String(repeating: "0", count: max(0, 20 - digits.count)) + digits
    }

    /// Starts publishing; returns at once. The first look is immediate.
    func start() {
        guard !started.exchange(true, ordering: .relaxed) else { return }
        removePartialCopies()
        let thread = Thread { [self] in
            repeat {
                publishIfNewer()
            } while stopSignal.wait(timeout: .now() + .seconds(every)) == .timedOut
            finished.signal()
        }
        thread.name = "snapshot-publisher"
        thread.start()
    }

    /// Stops publishing, waiting for a snapshot being written to be complete.
    func stop() {
        guard started.load(ordering: .relaxed), !stopping.exchange(true, ordering: .relaxed) else { return }
        stopSignal.signal()
        finished.wait()
    }

    /// Writes a snapshot when the index has a commit newer than the newest published one, then
    /// prunes. Returns the snapshot written, if any. Failures (a full disk) are logged; the next
    /// period tries again.
    @discardableResult
    func publishIfNewer() -> SnapshotSummary? {
        do {
            let commit = try index.reader().commit
            let published = publishedCommits()
            guard commit > (published.last ?? 0) || published.isEmpty else { return nil }
            let summary = try SnapshotWriter.write(index, to: directory + "/" + Self.name(commit: commit))
            logger.info(
                "published snapshot",
                metadata: ["snapshot": "\(summary.path)", "commit": "\(summary.commit)", "bytes": "\(summary.bytes)",
                           "seconds": "\(String(format: "%.3f", summary.seconds))"])
            prune()
            return summary
        } catch {
            logger.error("cannot publish a snapshot", metadata: ["directory": "\(directory)", "reason": "\(error)"])
            return nil
        }
    }

    /// The commits of the `snapshot-N` directories, ascending.
    private func publishedCommits() -> [UInt64] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { name in name.hasPrefix("snapshot-") ? UInt64(name.dropFirst("snapshot-".count)) : nil }.sorted()
    }

    private func prune() {
        for commit in publishedCommits().dropLast(keep) {
            let path = directory + "/" + Self.name(commit: commit)
            do {
                try FileManager.default.removeItem(atPath: path)
                logger.info("removed old snapshot", metadata: ["snapshot": "\(path)"])
            } catch {
                logger.warning("cannot remove old snapshot", metadata: ["snapshot": "\(path)", "reason": "\(error)"])
            }
        }
    }

    private func removePartialCopies() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix(".snapshot-") && name.contains(".partial-") {
            try? FileManager.default.removeItem(atPath: directory + "/" + name)
        }
    }
}
