#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The state of walking one root directory: the directories on the current path, for
/// loop detection.
struct DirectoryWalk {
    let root: String
    let options: FolderWalker.Options
    private var ancestors: Set<DirectoryIdentity> = []

    init(root: String, options: FolderWalker.Options) {
        self.root = root
        self.options = options
    }

    /// One directory entry, examined while its directory was open.
    private struct Child {
        var name: [UInt8]
        /// The name as it sorts: with a `/` appended for a directory, so that the walk's
        /// order is the byte order of whole relative paths.
        var sortKey: [UInt8]
        var status: Result<FileStatus, SkipReason>
    }

    /// Reports the contents of the directory at `path` (UTF-8, absolute), whose relative
    /// path plus `/` is `relative` (empty for the root), recursively.
    mutating func walkDirectory(
        _ path: [UInt8], relative: [UInt8], identity: DirectoryIdentity, _ visit: (WalkEntry) throws -> Void
    ) rethrows {
        let children: [Child]
        switch listing(of: path) {
        case .failure(let error):
            let relativePath = String(decoding: relative.dropLast(), as: UTF8.self)
            return try visit(.skipped(SkippedPath(
                path: String(decoding: path, as: UTF8.self), relativePath: relativePath,
                reason: .unreadable(error.message))))
        case .success(let list):
            children = list
        }
        ancestors.insert(identity)
        defer { ancestors.remove(identity) }
        for child in children {
            let childPath = path == [UInt8(ascii: "/")] ? path + child.name : path + [UInt8(ascii: "/")] + child.name
            let childRelative = relative + child.name
            let pathString = String(decoding: childPath, as: UTF8.self)
            let relativeString = String(decoding: childRelative, as: UTF8.self)
            switch child.status {
            case .failure(let reason):
                try visit(.skipped(SkippedPath(path: pathString, relativePath: relativeString, reason: reason)))
            case .success(let status) where status.kind == .directory:
                if ancestors.contains(status.identity) {
                    try visit(.skipped(SkippedPath(path: pathString, relativePath: relativeString, reason: .symlinkLoop)))
                } else {
                    try walkDirectory(childPath, relative: childRelative + [UInt8(ascii: "/")],
                                      identity: status.identity, visit)
                }
            case .success(let status):
                try visit(Self.entry(for: status, root: root, path: pathString, relativePath: relativeString,
                                     options: options))
            }
        }
    }

    /// The report for a path that is not a directory.
    static func entry(
        for status: FileStatus, root: String, path: String, relativePath: String, options: FolderWalker.Options
    ) -> WalkEntry {
        guard status.kind == .regular else {
            return .skipped(SkippedPath(path: path, relativePath: relativePath, reason: .notRegularFile))
        }
        guard status.size <= options.maxFileSize else {
            return .skipped(SkippedPath(path: path, relativePath: relativePath, reason: .tooLarge(status.size)))
        }
        return .file(WalkedFile(root: root, path: path, relativePath: relativePath, size: status.size,
                                modificationTime: status.modificationTime))
    }

    /// The entries of the directory at `path`, examined and sorted, without `.` and `..`
    /// and, unless included, hidden names.
    private func listing(of path: [UInt8]) -> Result<[Child], SystemError> {
        let opened: OpaquePointer? = (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { opendir($0.baseAddress!) }
        }
        guard let directory = opened else { return .failure(SystemError(code: errno)) }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        var children: [Child] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { return .failure(SystemError(code: errno)) }
                break
            }
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { examine($0, in: descriptor) }
            }
            if let name { children.append(name) }
        }
        children.sort { $0.sortKey.lexicographicallyPrecedes($1.sortKey) }
        return .success(children)
    }

    /// The child `name` of the open directory `descriptor`, or `nil` if it is not walked.
    private func examine(_ name: UnsafePointer<CChar>, in descriptor: Int32) -> Child? {
        let length = strlen(name)
        let bytes = UnsafeRawBufferPointer(start: name, count: length)
        if bytes.first == UInt8(ascii: ".") {
            if length == 1 || (length == 2 && bytes[1] == UInt8(ascii: ".")) || !options.includeHidden { return nil }
        }
        let nameBytes = Array(bytes)
        let status: Result<FileStatus, SkipReason>
        switch FileStatus.of(name: name, in: descriptor) {
        case .success(let found):
            status = .success(found)
        case .failure(let error) where error.code == ELOOP:
            status = .failure(.symlinkLoop)
        case .failure(let error) where error.code == ENOENT && FileStatus.isSymbolicLink(name: name, in: descriptor):
            status = .failure(.unreadable("symbolic link to a missing file"))
        case .failure(let error):
            status = .failure(.unreadable(error.message))
        }
        let isDirectory = (try? status.get())?.kind == .directory
        return Child(name: nameBytes, sortKey: isDirectory ? nameBytes + [UInt8(ascii: "/")] : nameBytes,
                     status: status)
    }
}
