import LoupeCodec
import Synchronization

/// The zstd contexts of an index's readers, kept between readers: a server opens a reader per
/// query, and creating a context allocates and clears about 100 KiB each time.
final class DecompressorPool: Sendable {
    private let free = Mutex<[Zstd.Decompressor]>([])
    /// Contexts kept at most; more are freed when returned.
    private static let capacity = 64

    /// A context for one reader's use (a pooled one when there is one).
    func take() -> Zstd.Decompressor {
        free.withLock { $0.popLast() } ?? Zstd.Decompressor()
    }

    /// Returns a context taken with ``take()``, once its reader is done with it.
    func giveBack(_ decompressor: Zstd.Decompressor) {
        free.withLock { if $0.count < Self.capacity { $0.append(decompressor) } }
    }
}
