import Glibc

/// Waits for entries to appear in, or leave, some directories (inotify, through ``Inotify``),
/// with a timeout, and can be woken from another thread. A replica uses it to notice new snapshots
/// as soon as they are renamed into place or their data file lands; the timeout gives the
/// periodic re-check that covers file systems where inotify sees nothing (NFS and other shared
/// volumes).
public final class DirectoryChanges: @unchecked Sendable {
    private static let mask = UInt32(IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CLOSE_WRITE | IN_ONLYDIR)
    private let inotify: Inotify
    /// Used only by the thread that calls ``watch(_:)``, ``keepOnly(_:)`` and ``wait(milliseconds:)``.
    private var watched: [String: Int32] = [:]

    /// An inotify instance with nothing watched yet. Throws when inotify is unavailable.
    public init() throws(WatchError) {
        inotify = try Inotify(mask: Self.mask)
    }

    /// Watches directory `path` (again: no effect). Returns false when it cannot be watched.
    @discardableResult
    public func watch(_ path: String) -> Bool {
        if watched[path] != nil { return true }
        guard case .success(let watch) = inotify.addWatch(path) else { return false }
        watched[path] = watch
        return true
    }

    /// Stops watching the directories not in `paths`.
    public func keepOnly(_ paths: Set<String>) {
        for (path, watch) in watched where !paths.contains(path) {
            inotify.removeWatch(watch)
            watched[path] = nil
        }
    }

    /// Blocks until a watched directory changes, ``wake()`` is called, or `milliseconds` pass;
    /// drains what was pending. Returns true when something changed or it was woken, false when
    /// the time ran out or the instance could not be polled.
    @discardableResult
    public func wait(milliseconds: Int32) -> Bool {
        (try? inotify.discardEvents(waitingUpTo: milliseconds)) ?? false
    }

    /// Makes a ``wait(milliseconds:)`` in progress (or the next one) return at once.
    public func wake() {
        inotify.wake()
    }
}
