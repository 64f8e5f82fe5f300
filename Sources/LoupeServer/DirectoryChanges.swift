import Glibc

/// Waits for entries to appear in, or leave, some directories (inotify), with a timeout, and can
/// be woken from another thread. Used by a replica to notice new snapshots as soon as they are
/// renamed into place or their data file lands; the timeout gives the periodic re-check that
/// covers file systems where inotify sees nothing (NFS and other shared volumes).
final class DirectoryChanges: @unchecked Sendable {
    private static let mask = UInt32(IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CLOSE_WRITE | IN_ONLYDIR)
    private let descriptor: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private var watched: [String: Int32] = [:]

    /// An inotify instance with nothing watched yet. Throws when inotify is unavailable.
    init() throws(ServerError) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw ServerError("inotify_init1: \(String(cString: strerror(errno)))") }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            close(descriptor)
            throw ServerError("pipe: \(String(cString: strerror(errno)))")
        }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        wakeRead = ends[0]
        wakeWrite = ends[1]
    }

    deinit {
        close(descriptor)
        close(wakeRead)
        close(wakeWrite)
    }

    /// Watches directory `path` (again: no effect). Returns false when it cannot be watched.
    @discardableResult
    func watch(_ path: String) -> Bool {
        if watched[path] != nil { return true }
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        guard watch >= 0 else { return false }
        watched[path] = watch
        return true
    }

    /// Stops watching the directories not in `paths`.
    func keepOnly(_ paths: Set<String>) {
        for (path, watch) in watched where !paths.contains(path) {
            inotify_rm_watch(descriptor, watch)
            watched[path] = nil
        }
    }

    /// Blocks until a watched directory changes, ``wake()`` is called, or `milliseconds` pass;
    /// drains what was pending. Returns true when something changed or it was woken.
    @discardableResult
    func wait(milliseconds: Int32) -> Bool {
        var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
        var ready = poll(&fds, 2, milliseconds)
        while ready < 0 && errno == EINTR { ready = poll(&fds, 2, milliseconds) }
        guard ready > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 16 << 10)
        while read(descriptor, &buffer, buffer.count) > 0 {}
        while read(wakeRead, &buffer, buffer.count) > 0 {}
        return true
    }

    /// Makes a ``wait(milliseconds:)`` in progress (or the next one) return at once.
    func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }
}
