import Dispatch

/// Work handed to another thread, whose result the handing thread collects later: how a commit
/// encodes its next round of chunks or document blocks on the workers while its own thread puts
/// the round before into the transaction (a commit's puts are single-threaded, so without this
/// the workers would wait for them, and the puts for the workers).
///
/// The work must own what it reads (values captured by the closure, never memory the caller may
/// free or change), since a caller that throws drops its ``BackgroundWork`` and moves on; the work
/// then finishes on its own and its result is freed with it.
final class BackgroundWork<Output>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the work before it signals `done`, read only after `done` is waited for.
    private var output: Result<Output, any Error>?

    /// Starts `body` on a thread of the global queue (it may itself spread over the workers).
    init(_ body: @escaping @Sendable () throws -> Output) {
        DispatchQueue.global().async { [self] in
            output = Result(catching: body)
            done.signal()
        }
    }

    /// Whether the work has finished, so that ``result()`` returns at once; never waits.
    var isFinished: Bool {
        guard done.wait(timeout: .now()) == .success else { return false }
        done.signal()
        return true
    }

    /// Waits for the work to finish and returns its output, or rethrows its error.
    func result() throws -> Output {
        done.wait()
        done.signal()
        return try output!.get()
    }
}
