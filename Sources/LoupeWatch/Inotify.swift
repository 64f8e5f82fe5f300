import Glibc

/// Linux inotify as a ``FileEventSource``: one inotify instance, plus a pipe that ``wake()``
/// writes to so that a blocked read returns.
final class Inotify: FileEventSource, @unchecked Sendable {
    /// What every directory is watched for. Regular files count once they are closed after
    /// writing (`IN_CLOSE_WRITE`); creations matter for folders, links and hard links.
    static let mask = UInt32(
        IN_CREATE | IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF
            | IN_ONLYDIR | IN_EXCL_UNLINK)

    private let watchMask: UInt32
    private let descriptor: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32
    /// Read buffer, used only by the reading thread.
    private var buffer = [UInt8](repeating: 0, count: 64 << 10)

    /// An inotify instance whose watches report the events of `mask` (by default ``mask``, what
    /// the folder watcher needs).
    init(mask: UInt32 = Inotify.mask) throws(WatchError) {
        watchMask = mask
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw .system("inotify_init1", errno) }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            let code = errno
            close(descriptor)
            throw .system("pipe", code)
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

    func addWatch(_ path: String) -> Result<Int32, WatchError> {
        let watch = inotify_add_watch(descriptor, path, watchMask)
        return watch >= 0 ? .success(watch) : .failure(.system("watch \(path)", errno))
    }

    func removeWatch(_ watch: Int32) {
        _ = inotify_rm_watch(descriptor, watch)
    }

    func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    func nextEvents(wait: Bool) throws(WatchError) -> [FileEvent] {
        if try waitForEventsOrWake(milliseconds: wait ? -1 : 0) == .woken { return [] }
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 {
            if errno == EAGAIN || errno == EINTR { return [] }
            throw .system("read inotify", errno)
        }
        return buffer.withUnsafeBytes { Self.decode(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
    }

    /// Waits up to `milliseconds` (-1: for ever) for events or ``wake()``, then discards every
    /// pending event without reading it. Returns true when events came or it was woken, false
    /// when the time ran out.
    func discardEvents(waitingUpTo milliseconds: Int32) throws(WatchError) -> Bool {
        guard try waitForEventsOrWake(milliseconds: milliseconds) != .timedOut else { return false }
        while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 {}
        return true
    }

    private enum Readiness { case events, woken, timedOut }

    /// Polls the instance and the wake pipe for up to `milliseconds` (-1: for ever); a wake is
    /// drained from the pipe and reported before any events.
    private func waitForEventsOrWake(milliseconds: Int32) throws(WatchError) -> Readiness {
        var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
        var ready = poll(&fds, 2, milliseconds)
        while ready < 0 {
            guard errno == EINTR else { throw .system("poll inotify", errno) }
            ready = poll(&fds, 2, milliseconds)
        }
        if fds[1].revents != 0 {
            var drain = [UInt8](repeating: 0, count: 64)
            while read(wakeRead, &drain, drain.count) > 0 {}
            return .woken
        }
        return ready > 0 ? .events : .timedOut
    }

    /// The events in `bytes`: each a `struct inotify_event` (i32 wd, u32 mask, u32 cookie,
    /// u32 len) followed by `len` bytes of NUL-padded name.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> [FileEvent] {
        var events: [FileEvent] = []
        var offset = 0
        while offset + 16 <= bytes.count {
            let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameBytes = UnsafeRawBufferPointer(rebasing: bytes[(offset + 16)..<min(offset + 16 + length, bytes.count)])
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            events.append(FileEvent(watch: watch, mask: mask, name: name))
            offset += 16 + length
        }
        return events
    }
}
