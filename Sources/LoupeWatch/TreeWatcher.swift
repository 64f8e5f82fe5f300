import Glibc
import LoupeIndex

/// The reading side of a ``FolderWatcher``: keeps a watch on every directory under the roots
/// that a full walk would enter, and turns events into changed paths on a ``ChangeQueue``.
///
/// Confined to one thread. A path is added to the queue only after the watches it needs are in
/// place, so whatever the indexer then finds there is either seen by its walk or reported by a
/// later event: a folder created (or moved in) with files already inside is walked whole.
final class TreeWatcher {
    private let source: any FileEventSource
    private let roots: FolderRoots
    private let includeHidden: Bool
    /// Whether walks follow symbolic links inside the roots; when not, no link is watched through.
    private let followSymlinks: Bool
    /// Directories never watched: the index's own folder when it lies under a root.
    private let excluded: Set<RootedPath>
    private let changes: ChangeQueue
    private let report: (WatchEvent) -> Void
    private var table = WatchTable()

    init(
        source: any FileEventSource, roots: FolderRoots, includeHidden: Bool, followSymlinks: Bool, excluded: Set<RootedPath>,
        changes: ChangeQueue, report: @escaping (WatchEvent) -> Void
    ) {
        self.source = source
        self.roots = roots
        self.includeHidden = includeHidden
        self.followSymlinks = followSymlinks
        self.excluded = excluded
        self.changes = changes
        self.report = report
    }

    /// Watches every root and the directories under it.
    func watchRoots() {
        for root in roots.paths.indices { watchTree(RootedPath(root: root, relativePath: "")) }
    }

    /// Takes in a read of events.
    func handle(_ events: [FileEvent]) {
        for event in events {
            if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                recoverFromOverflow()
                continue
            }
            guard let directories = table.directories(of: event.watch) else { continue }
            if event.mask & UInt32(IN_IGNORED) != 0 {
                table.drop(event.watch)
                continue
            }
            for directory in directories { handle(event, in: directory) }
        }
    }

    private func handle(_ event: FileEvent, in directory: RootedPath) {
        let mask = event.mask
        if event.name.isEmpty {
            if directory.relativePath.isEmpty, mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
                unwatch(directory)
                changes.add(directory)
                report(.problem("\(roots.paths[directory.root]) was moved or deleted: its documents are removed and it is no longer watched"))
            }
            return
        }
        if !includeHidden && event.name.hasPrefix(".") { return }
        let path = RootedPath(
            root: directory.root, relativePath: directory.relativePath.isEmpty ? event.name : directory.relativePath + "/" + event.name)
        if excluded.contains(path) { return }
        if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 {
            if mask & UInt32(IN_ISDIR) != 0 || table.isWatched(path) { unwatch(path) }
        } else if mask & UInt32(IN_ISDIR) != 0 {
            watchTree(path)
        } else if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 && isDirectory(path) {
            watchTree(path)  // a symbolic link to a folder, when walks follow links
        }
        changes.add(path)
    }

    /// Events were lost: watch everything afresh, then have every root rescanned.
    private func recoverFromOverflow() {
        report(.overflow)
        let old = table.allWatches
        table = WatchTable()
        watchRoots()
        let kept = Set(table.allWatches)
        for watch in old where !kept.contains(watch) { source.removeWatch(watch) }
        changes.addRescan()
    }

    private func unwatch(_ directory: RootedPath) {
        for watch in table.forget(subtreeOf: directory) { source.removeWatch(watch) }
    }

    /// Watches `directory` and the directories under it, as a walk from its root would reach
    /// them: following symbolic links only when walks do, and never back into a folder on the
    /// current path.
    private func watchTree(_ directory: RootedPath) {
        var ancestors = Set(directory.ancestors.compactMap { identity(of: $0) })
        watchTree(directory, &ancestors)
    }

    private func watchTree(_ directory: RootedPath, _ ancestors: inout Set<FileIdentity>) {
        guard !excluded.contains(directory), let identity = identity(of: directory), ancestors.insert(identity).inserted else { return }
        defer { ancestors.remove(identity) }
        let absolute = roots.absolutePath(root: directory.root, relativePath: directory.relativePath)
        switch source.addWatch(absolute) {
        case .success(let watch):
            if let released = table.record(watch, for: directory) { source.removeWatch(released) }
        case .failure(let error):
            // A folder that vanished in the meantime is reported by its parent's events.
            if case .system(_, let code) = error, code == ENOENT || code == ENOTDIR { return }
            report(.problem("\(error)"))
            return
        }
        for name in subdirectoryCandidates(absolute) {
            let child = directory.relativePath.isEmpty ? name : directory.relativePath + "/" + name
            watchTree(RootedPath(root: directory.root, relativePath: child), &ancestors)
        }
    }

    /// Names in the folder at `path` that may be folders (or links to one), hidden ones left out
    /// unless included.
    private func subdirectoryCandidates(_ path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let type = entry.pointee.d_type
            guard type == UInt8(DT_DIR) || (followSymlinks && type == UInt8(DT_LNK)) || type == UInt8(DT_UNKNOWN) else { continue }
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." || (!includeHidden && name.hasPrefix(".")) { continue }
            names.append(name)
        }
        return names
    }

    private func isDirectory(_ path: RootedPath) -> Bool {
        identity(of: path) != nil
    }

    /// The device and inode of the directory at `path`, or nil if it is none. A root is looked up
    /// through links; another path only when walks follow links.
    private func identity(of path: RootedPath) -> FileIdentity? {
        var status = stat()
        let absolute = roots.absolutePath(root: path.root, relativePath: path.relativePath)
        let found = followSymlinks || path.relativePath.isEmpty ? stat(absolute, &status) : lstat(absolute, &status)
        guard found == 0, status.st_mode & S_IFMT == S_IFDIR else { return nil }
        return FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }
}

/// A file's identity on the machine: its device and inode numbers.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
}
