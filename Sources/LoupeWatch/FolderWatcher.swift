import Foundation
import LoupeIndex
import Synchronization

/// Keeps an index in step with folders as they change, using inotify.
///
/// ``start()`` watches every directory under the roots (as a full walk would enter them: links
/// followed only with ``IndexingOptions/followSymlinks``, hidden names only with ``IndexingOptions/includeHidden``, the index's own folder
/// left out), then, by default, scans the roots once so the index matches the disk. From then
/// on, file-system events mark paths as changed; changes are debounced (a batch is due after
/// ``Options/quietPeriod`` without a new change, or ``Options/maxDelay`` after its first change)
/// and each batch is re-indexed with ``PathIndexer`` and committed at once. New folders, folders
/// moved in, files written and closed, renamed over (editor saves), moved, deleted, and folders
/// deleted or moved out are all followed; document ids are the same as ``FolderIndexer`` gives.
/// If the kernel's event queue overflows, a ``WatchEvent/overflow`` is reported and every root
/// is rescanned with ``FolderIndexer``. ``stop()`` indexes what is pending and returns.
///
/// Two threads do the work: one reads events, one indexes. `onEvent` is called from them, one
/// call at a time.
///
/// Writes go through `serializeWrites`, so an owner with other writers to the same index can run
/// them one at a time (the daemon does, so that each of its write commands reports exactly what
/// it changed; concurrent writers would be safe, but could index the same file twice): it is
/// called on the indexing thread with a closure that opens an ``IndexWriter``, writes and
/// commits, and must run that closure before it returns. The default runs it as is. A host gives
/// the watcher the ``Index`` it already has open (one per process), and readers keep working on
/// it meanwhile.
///
/// ```swift
/// let watcher = try FolderWatcher(index: index, roots: ["/srv/docs"], serializeWrites: { write in
///     try writerLock.withLock { try write() }
/// }) { event in logger.info("\(event)") }
/// watcher.start()
/// // ...
/// watcher.stop()
/// ```
public final class FolderWatcher: Sendable {
    /// Runs a write closure where no other writer of the index is active; see ``FolderWatcher``.
    public typealias WriteSerializer = @Sendable (_ write: () throws -> Void) throws -> Void

    /// How the watcher indexes and batches.
    public struct Options: Sendable {
        /// How files are indexed (size limit, hidden names, memory budget).
        public var indexing = IndexingOptions()
        /// A batch is due once no change came for this long...
        public var quietPeriod: Duration = .milliseconds(100)
        /// ...or once its first change has waited this long, whichever comes first.
        public var maxDelay: Duration = .milliseconds(500)
        /// Scan the roots when watching starts, so changes made before are taken in.
        public var scanOnStart = true
        /// Pause before retrying a batch that failed; it doubles with each failure in a row, up to
        /// 32 times this.
        public var retryDelay: Duration = .milliseconds(500)

        public init() {}
    }

    /// The index kept in step.
    public let index: Index
    /// The watched roots.
    public let roots: FolderRoots
    public let options: Options
    private let source: any FileEventSource
    private let serializeWrites: WriteSerializer
    private let onEvent: @Sendable (WatchEvent) -> Void
    private let eventLock = NSLock()
    private let changes = ChangeQueue()
    private let phase = Mutex(Phase.idle)
    private let stopping = Atomic(false)
    private let readerDone = DispatchSemaphore(value: 0)
    private let indexerDone = DispatchSemaphore(value: 0)

    private enum Phase { case idle, running, stopped }

    /// Prepares to watch `roots` (folders) for `index`; nothing is watched before ``start()``.
    /// - Throws: ``WatchError`` when a root is not a directory, two roots share a folder name, or
    ///   inotify is unavailable.
    public convenience init(
        index: Index, roots: [String], options: Options = Options(), serializeWrites: @escaping WriteSerializer = { try $0() },
        onEvent: @escaping @Sendable (WatchEvent) -> Void
    ) throws(WatchError) {
        try self.init(
            index: index, roots: roots, options: options, source: Inotify(), serializeWrites: serializeWrites, onEvent: onEvent)
    }

    /// The same, with events from `source` (tests wrap the real source).
    init(
        index: Index, roots: [String], options: Options, source: any FileEventSource, serializeWrites: @escaping WriteSerializer,
        onEvent: @escaping @Sendable (WatchEvent) -> Void
    ) throws(WatchError) {
        self.roots = FolderRoots(roots)
        var names = Set<String>()
        for path in self.roots.paths {
            var status = stat()
            guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { throw .notADirectory(path) }
            let name = (path as NSString).lastPathComponent
            if self.roots.paths.count > 1, !names.insert(name).inserted { throw .duplicateRootName(name) }
        }
        self.index = index
        self.options = options
        self.source = source
        self.serializeWrites = serializeWrites
        self.onEvent = onEvent
    }

    /// Watches the roots and starts indexing changes (after the initial scan, if asked for).
    /// Changes made after it returns are picked up. Calling it again does nothing.
    public func start() {
        let fresh = phase.withLock { phase in
            guard phase == .idle else { return false }
            phase = .running
            return true
        }
        guard fresh else { return }
        let ready = DispatchSemaphore(value: 0)
        Thread.detachNewThread { [self] in
            readEvents(ready: ready)
            readerDone.signal()
        }
        ready.wait()
        Thread.detachNewThread { [self] in
            indexChanges()
            indexerDone.signal()
        }
    }

    /// Stops watching, indexes and commits what is pending, and returns once both threads ended.
    /// Calling it again (or before ``start()``) does nothing.
    public func stop() {
        let wasRunning = phase.withLock { phase in
            defer { phase = .stopped }
            return phase == .running
        }
        guard wasRunning else { return }
        stopping.store(true, ordering: .sequentiallyConsistent)
        source.wake()
        readerDone.wait()
        changes.close()
        indexerDone.wait()
    }

    /// The reading thread: sets up the watches, signals `ready`, then turns events into changes.
    private func readEvents(ready: DispatchSemaphore) {
        let tree = TreeWatcher(
            source: source, roots: roots, includeHidden: options.indexing.includeHidden,
            followSymlinks: options.indexing.followSymlinks, excluded: excludedDirectories(),
            changes: changes, report: { [self] event in emit(event) })
        tree.watchRoots()
        ready.signal()
        do {
            while !stopping.load(ordering: .sequentiallyConsistent) { tree.handle(try source.nextEvents(wait: true)) }
            // Stopping: take in what the kernel still holds, for the last batch.
            var events = try source.nextEvents(wait: false)
            while !events.isEmpty {
                tree.handle(events)
                events = try source.nextEvents(wait: false)
            }
        } catch {
            emit(.problem("watching stopped: \(error)"))
        }
    }

    /// The indexing thread: the initial scan, then one batch at a time until the queue closes.
    /// A batch that fails is put back and retried after a pause that doubles with each failure
    /// in a row.
    private func indexChanges() {
        var failures = 0
        var next = options.scanOnStart ? (ChangeBatch(rescan: true, firstChange: .now), WatchBatch.Kind.initialScan) : nil
        while true {
            if next == nil, let batch = changes.take(quiet: options.quietPeriod, maxDelay: options.maxDelay) {
                next = (batch, batch.rescan ? .rescan : .changes)
            }
            guard let (batch, kind) = next else { return }
            next = nil
            if index(batch, kind: kind) {
                failures = 0
            } else {
                changes.putBack(batch)
                // Once stopping, what could not be indexed is left for the next scan.
                guard changes.pause(options.retryDelay * (1 << min(failures, 5))) else { return }
                failures += 1
            }
        }
    }

    /// Indexes and commits `batch`, and reports it; false when it failed (reported too).
    private func index(_ batch: ChangeBatch, kind: WatchBatch.Kind) -> Bool {
        var report = IndexingReport()
        do {
            try serializeWrites {
                report = batch.rescan
                    ? try FolderIndexer(index: index, options: options.indexing).run(roots: roots.paths)
                    : try PathIndexer(index: index, roots: roots, options: options.indexing).run(batch.paths)
            }
        } catch {
            let message = DiskFullError(error, indexPath: index.path).map(\.description) ?? "\(error)"
            let what = batch.rescan ? "the roots" : "\(batch.paths.count) changed paths"
            emit(.problem("indexing \(what) failed: \(message); retrying"))
            return false
        }
        emit(.committed(WatchBatch(
            kind: kind, report: report, paths: batch.rescan ? 0 : batch.paths.count, latency: batch.firstChange.duration(to: .now))))
        return true
    }

    private func emit(_ event: WatchEvent) {
        eventLock.withLock { onEvent(event) }
    }

    /// The index's own folder, where it lies under a root.
    private func excludedDirectories() -> Set<RootedPath> {
        let indexPath = FolderRoots([index.path]).paths[0]
        return Set(roots.paths.indices.compactMap { root in
            let prefix = roots.paths[root] == "/" ? "/" : roots.paths[root] + "/"
            return indexPath.hasPrefix(prefix) ? RootedPath(root: root, relativePath: String(indexPath.dropFirst(prefix.count))) : nil
        })
    }
}
