#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The state of walking one root directory: the directories on the current path, for
/// loop detection, and the files reported so far (of this root and earlier ones), for
/// duplicates.
struct DirectoryWalk {
    let root: String
    let options: FolderWalker.Options
    private var ancestors: Set<FileIdentity> = []
    /// The path each file reported so far was reported under.
    private(set) var firstPaths: [FileIdentity: String]

    init(root: String, options: FolderWalker.Options, firstPaths: [FileIdentity: String]) {
        self.root = root
        self.options = options
        self.firstPaths = firstPaths
    }

    /// What a directory entry is, as far as the walk cares.
    private enum ChildStatus {
        case found(FileStatus)
        case failed(SkipReason)
        /// A symbolic link, not followed.
        case link
    }

    /// One directory entry, examined while its directory was open.
    private struct Child {
        var name: [UInt8]
        /// The name as it sorts: with a `/` appended for a directory, so that the walk's
        /// order is the byte order of whole relative paths.
        var sortKey: [UInt8]
        var status: ChildStatus
    }

    /// Reports the contents of the directory at `path` (UTF-8, absolute), whose relative
    /// path plus `/` is `relative` (empty for the root), recursively.
    mutating func walkDirectory(
        _ path: [UInt8], relative: [UInt8], identity: FileIdentity, _ visit: (WalkEntry) throws -> Void
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
            case .link:
                try visit(.link(PassedPath(path: pathString, relativePath: relativeString)))
            case .failed(let reason):
                try visit(.skipped(SkippedPath(path: pathString, relativePath: relativeString, reason: reason)))
            case .found(let status) where status.kind == .directory:
                if ancestors.contains(status.identity) {
                    try visit(.skipped(SkippedPath(path: pathString, relativePath: relativeString, reason: .symlinkLoop)))
                } else {
                    try walkDirectory(childPath, relative: childRelative + [UInt8(ascii: "/")],
                                      identity: status.identity, visit)
                }
            case .found(let status):
                try visit(Self.entry(for: status, root: root, path: pathString, relativePath: relativeString,
                                     firstPaths: &firstPaths))
            }
        }
    }

    /// The report for a path that is not a directory; a regular file not reported before is
    /// recorded in `firstPaths`.
    static func entry(
        for status: FileStatus, root: String, path: String, relativePath: String, firstPaths: inout [FileIdentity: String]
    ) -> WalkEntry {
        guard status.kind == .regular else {
            return .skipped(SkippedPath(path: path, relativePath: relativePath, reason: .notRegularFile))
        }
        if let first = firstPaths[status.identity] {
            return .duplicate(PassedPath(path: path, relativePath: relativePath, firstPath: first))
        }
        firstPaths[status.identity] = path
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
        let status: ChildStatus
        switch FileStatus.of(name: name, in: descriptor, followLinks: options.followSymlinks) {
        case .success(let found) where found.kind == .symbolicLink:
            status = .link
        case .success(let found):
            status = .found(found)
        case .failure(let error) where error.code == ELOOP:
            status = .failed(.symlinkLoop)
        case .failure(let error) where error.code == ENOENT && FileStatus.isSymbolicLink(name: name, in: descriptor):
            status = .failed(.unreadable("symbolic link to a missing file"))
        case .failure(let error):
            status = .failed(.unreadable(error.message))
        }
        var isDirectory = false
        if case .found(let found) = status { isDirectory = found.kind == .directory }
        return Child(name: nameBytes, sortKey: isDirectory ? nameBytes + [UInt8(ascii: "/")] : nameBytes,
                     status: status)
    }
}
