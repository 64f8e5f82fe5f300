import LoupeIndex

/// Which directories each inotify watch stands for, and back.
///
/// A watch belongs to a directory's inode, so one watch can stand for several paths (a folder
/// reached through a symbolic link too, or roots that overlap); events on it concern each of them.
struct WatchTable {
    private var directories: [Int32: Set<RootedPath>] = [:]
    private var watches: [RootedPath: Int32] = [:]

    /// Every watch held.
    var allWatches: [Int32] { Array(directories.keys) }

    /// The directories `watch` stands for, or nil for a watch no longer known.
    func directories(of watch: Int32) -> Set<RootedPath>? { directories[watch] }

    /// True when `path` is a watched directory.
    func isWatched(_ path: RootedPath) -> Bool { watches[path] != nil }

    /// Records that `watch` stands for `directory`; returns a watch the directory no longer uses,
    /// if it had another one that nothing else uses.
    mutating func record(_ watch: Int32, for directory: RootedPath) -> Int32? {
        let previous = watches[directory]
        if previous == watch { return nil }
        var released: Int32?
        if let previous { released = detach(directory, from: previous) }
        watches[directory] = watch
        directories[watch, default: []].insert(directory)
        return released
    }

    /// Forgets `directory` and every directory under it; returns the watches nothing uses any more.
    mutating func forget(subtreeOf directory: RootedPath) -> [Int32] {
        let prefix = directory.relativePath + "/"
        let gone = watches.keys.filter { path in
            path.root == directory.root
                && (directory.relativePath.isEmpty || path.relativePath == directory.relativePath
                    || path.relativePath.hasPrefix(prefix))
        }
        return gone.compactMap { path in watches.removeValue(forKey: path).flatMap { detach(path, from: $0) } }
    }

    /// Forgets `watch`, which the kernel dropped (its directory is gone).
    mutating func drop(_ watch: Int32) {
        for path in directories.removeValue(forKey: watch) ?? [] where watches[path] == watch {
            watches.removeValue(forKey: path)
        }
    }

    /// Takes `path` off `watch`; returns the watch when nothing else uses it.
    private mutating func detach(_ path: RootedPath, from watch: Int32) -> Int32? {
        directories[watch]?.remove(path)
        guard directories[watch]?.isEmpty ?? false else { return nil }
        directories.removeValue(forKey: watch)
        return watch
    }
}
