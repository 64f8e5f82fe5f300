import Foundation
import Logging
import LoupeIndex
import LoupeWatch

/// Follows the daemon's roots while it serves (`index.watch`): a ``FolderWatcher`` over them
/// whose batches are written holding the daemon's ``WriterLock``, so they never overlap an
/// `INDEX` or `DELETE`, and whose reports go to the daemon's log.
///
/// The roots are those of ``RootPolicy`` (resolved), so a file gets the same document id whether
/// the watcher or an `INDEX` command indexed it.
final class RootWatcher: Sendable {
    private let watcher: FolderWatcher
    private let logger: Logger

    /// How many roots are watched.
    var rootCount: Int { watcher.roots.paths.count }

    /// Prepares to watch `roots`; nothing is watched before ``start()``.
    /// - Throws: ``ServerError`` when a root is not a folder, two roots share a folder name, or
    ///   inotify is unavailable.
    init(index: Index, roots: FolderRoots, indexing: IndexingOptions, writerLock: WriterLock, logger: Logger) throws(ServerError) {
        var options = FolderWatcher.Options()
        options.indexing = indexing
        do {
            watcher = try FolderWatcher(
                index: index, roots: roots.paths, options: options, serializeWrites: { write in try writerLock.run(write) },
                onEvent: { event in RootWatcher.log(event, to: logger) })
        } catch {
            throw ServerError("cannot watch index.roots: \(error) (set index.watch = false, or give --no-watch, to serve without watching)")
        }
        self.logger = logger
    }

    /// Watches every folder under the roots and returns once they are watched: changes made
    /// afterwards are picked up. The initial scan of the roots runs in the background; its result
    /// is logged when it is committed.
    func start() async {
        logger.info(
            "watching the roots: scanning them, then following their changes",
            metadata: ["roots": "\(watcher.roots.paths.joined(separator: " "))"])
        await Self.offCooperativePool { [watcher] in watcher.start() }
    }

    /// Stops watching once the changes already noticed are indexed and committed.
    func stop() async {
        logger.info("stopping the watcher: committing pending changes")
        await Self.offCooperativePool { [watcher] in watcher.stop() }
    }

    /// Logs what the watcher reports: batches that changed the index at info (others at debug),
    /// scans at info, an overflow at warning, problems at error.
    private static func log(_ event: WatchEvent, to logger: Logger) {
        switch event {
        case .committed(let batch):
            let report = batch.report
            var metadata: Logger.Metadata = [
                "added": "\(report.added)", "updated": "\(report.updated)", "removed": "\(report.removed)",
                "unchanged": "\(report.unchanged)", "skipped": "\(report.skipped.count)",
                "commit_ms": "\(Int(report.seconds * 1000))", "latency_ms": "\(milliseconds(batch.latency))",
            ]
            switch batch.kind {
            case .initialScan: logger.info("initial scan of the roots committed", metadata: metadata)
            case .rescan: logger.info("rescan of the roots committed", metadata: metadata)
            case .changes:
                metadata["paths"] = "\(batch.paths)"
                if batch.changedIndex || !report.skipped.isEmpty {
                    logger.info("watched changes committed", metadata: metadata)
                } else {
                    logger.debug("watched changes committed", metadata: metadata)
                }
            }
            for (source, reason) in report.skipped { logger.debug("skipped", metadata: ["source": "\(source)", "reason": "\(reason)"]) }
        case .overflow:
            logger.warning("the inotify event queue overflowed and changes were lost: rescanning every root")
        case .problem(let message):
            logger.error("watching the roots: \(message)")
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    /// Runs blocking `body` on a thread of its own, so the caller's task does not hold a thread of
    /// Swift's cooperative pool while it waits.
    private static func offCooperativePool(_ body: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                body()
                continuation.resume()
            }
        }
    }
}
