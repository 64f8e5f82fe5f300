import Dispatch
import Foundation
import Logging
import LoupeIndex
import LoupeWatch
import Synchronization

/// A replica's view of a snapshot directory (`louped --follow DIR`): serves the complete snapshot
/// with the highest commit, and switches to a newer one as soon as it is complete.
///
/// A thread waits on inotify over the directory and its subdirectories (a snapshot renamed into
/// place, or a data file landing inside one, as rsync does it), or at most ``checkEvery`` seconds
/// (for shared volumes where inotify is blind), then looks again. A newer snapshot is opened
/// read-only and checked before it is swapped into ``source``; queries already running finish on
/// the old one, whose environment is closed when the last of them ends.
final class SnapshotFollower: Sendable {
    /// What the queries read.
    let source: IndexSource
    /// Seconds between checks when inotify reports nothing.
    let checkEvery: Int
    private let directory: SnapshotDirectory
    private let changes: DirectoryChanges
    private let logger: Logger
    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    private let started = Atomic<Bool>(false)

    /// Opens the newest complete snapshot in `path`.
    /// - Throws: ``ServerError`` when `path` is not a directory or holds no complete snapshot.
    init(directory path: String, checkEvery: Int, logger: Logger) throws(ServerError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ServerError("--follow \(path): not a directory")
        }
        directory = SnapshotDirectory(path: path)
        self.checkEvery = checkEvery
        self.logger = logger
        do {
            changes = try DirectoryChanges()
        } catch {
            throw ServerError("--follow \(path): \(error)")
        }
        guard let newest = directory.newest(skipped: { path, why in logger.warning("skipping snapshot", metadata: ["path": "\(path)", "reason": "\(why)"]) }) else {
            throw ServerError("--follow \(path): no complete snapshot there yet (write one with `loupe snapshot` or `louped --publish`)")
        }
        do {
            source = IndexSource(replica: .init(index: try SnapshotDirectory.open(newest.path), snapshot: newest.name, written: newest.written))
        } catch {
            throw ServerError("--follow: cannot open \(newest.path): \(error)")
        }
        logger.info("following snapshots", metadata: ["directory": "\(path)", "snapshot": "\(newest.name)", "commit": "\(newest.commit)"])
    }

    /// Starts following; returns at once.
    func start() {
        guard !started.exchange(true, ordering: .relaxed) else { return }
        let thread = Thread { [self] in
            while !stopping.load(ordering: .relaxed) {
                refresh()
                changes.wait(milliseconds: Int32(checkEvery * 1000))
            }
            finished.signal()
        }
        thread.name = "snapshot-follower"
        thread.start()
    }

    /// Stops following and waits for the thread to end.
    func stop() {
        guard started.load(ordering: .relaxed), !stopping.exchange(true, ordering: .relaxed) else { return }
        changes.wake()
        finished.wait()
    }

    /// Looks at the directory once and switches to a newer complete snapshot if there is one.
    /// Called on the follower's thread only.
    func refresh() {
        let subdirectories = directory.subdirectories()
        changes.watch(directory.path)
        for path in subdirectories { changes.watch(path) }
        changes.keepOnly(Set(subdirectories + [directory.path]))
        let served = source.served
        guard let newest = directory.newest(skipped: { path, why in logger.debug("not a complete snapshot (yet)", metadata: ["path": "\(path)", "reason": "\(why)"]) }),
              let current = try? served.index.reader().commit, newest.commit > current
        else { return }
        do {
            let index = try SnapshotDirectory.open(newest.path)
            source.replace(with: .init(index: index, snapshot: newest.name, written: newest.written))
            logger.info("switched snapshot", metadata: ["snapshot": "\(newest.name)", "commit": "\(newest.commit)", "previous": "\(served.snapshot ?? "")"])
        } catch {
            logger.warning("cannot open snapshot", metadata: ["path": "\(newest.path)", "reason": "\(error)"])
        }
    }
}
