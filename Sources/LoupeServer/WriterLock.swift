import Foundation

/// The daemon's one right to write: every change to the index (the `INDEX` and `DELETE`
/// commands on the write thread, and the batches of the root watcher on its own thread) runs
/// while holding it, so no two ``IndexWriter``s are ever open on the index at once.
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
