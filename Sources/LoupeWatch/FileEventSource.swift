/// One file-system event, as inotify reports it.
struct FileEvent: Sendable, Equatable {
    /// The watch it came from (-1 for a queue overflow).
    var watch: Int32
    /// The `IN_*` bits.
    var mask: UInt32
    /// The name of the entry in the watched directory; empty for events on the directory itself.
    var name: String
}

/// Where a ``FolderWatcher`` gets file-system events: ``Inotify`` on Linux. A seam for tests,
/// which wrap the real source to lose events on purpose.
///
/// Only the watcher's reading thread calls ``addWatch(_:)``, ``removeWatch(_:)`` and
/// ``nextEvents()``; ``wake()`` may be called from any thread.
protocol FileEventSource: AnyObject, Sendable {
    /// Watches the directory at `path` (through symbolic links) for the events the watcher
    /// needs. Watching a directory already watched through another path returns its watch.
    func addWatch(_ path: String) -> Result<Int32, WatchError>
    /// Stops a watch; the source then reports `IN_IGNORED` for it.
    func removeWatch(_ watch: Int32)
    /// Waits until events arrive or ``wake()`` is called (forever, or not at all when `wait` is
    /// false), and returns the events read (none when woken or when none were there).
    func nextEvents(wait: Bool) throws(WatchError) -> [FileEvent]
    /// Makes a blocked ``nextEvents()`` return, or the next call return at once.
    func wake()
}
