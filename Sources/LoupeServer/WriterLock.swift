import Foundation

/// The daemon's one right to write: every change to the index (the `INDEX` and `DELETE`
/// commands on the write thread, and the batches of the root watcher on its own thread) runs
/// while holding it, so the daemon's writes run one at a time. Concurrent ``IndexWriter``s would
/// be safe (each commit takes its doc ids in its own transaction), but then an `INDEX` reply
/// could count files the watcher indexed meanwhile, and both could index the same file.
final class WriterLock: Sendable {
    private let lock = NSLock()

    /// Runs `body` once no other write is running, and returns what it returns; the next write
    /// waits until it has returned (committed or failed).
    func run<R>(_ body: () throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
