#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks folders recursively and reports the files in them, in a deterministic order.
///
/// Symbolic links inside the roots are left alone and reported as ``WalkEntry/link(_:)``
/// unless ``Options/followSymlinks`` is set (a root given as a link is always followed).
/// When they are followed, a link that leads back to a directory on the current path (one
/// being walked) is reported as ``SkipReason/symlinkLoop``, as is a chain of links that
/// never ends, and a link that leads nowhere as ``SkipReason/unreadable(_:)``.
///
/// Each real file (device and inode) is reported once, as a ``WalkEntry/file(_:)`` under the
/// first path that reaches it in walk order, across all roots; later paths to it (hard links,
/// links followed, a root given twice) are reported as ``WalkEntry/duplicate(_:)``.
/// Directories that cannot be opened are reported as ``SkipReason/unreadable(_:)``, FIFOs,
/// sockets and devices as ``SkipReason/notRegularFile``. Whether a file's content can be read
/// is found out only when it is extracted. Names starting with `.` (`.git` among them) are
/// passed over silently unless ``Options/includeHidden`` is set; a root is walked whatever
/// its name.
///
/// Roots are walked in the order given. Within a root, entries come sorted by relative
/// path, comparing the UTF-8 bytes.
public struct FolderWalker: Sendable {
    /// What the walk includes.
    public struct Options: Sendable, Equatable {
        /// Whether names starting with `.` are walked. Defaults to `false`.
        public var includeHidden: Bool
        /// Whether symbolic links inside the roots are followed. Defaults to `false`.
        public var followSymlinks: Bool

        /// Creates options; the defaults skip hidden names and leave links alone.
        public init(includeHidden: Bool = false, followSymlinks: Bool = false) {
            self.includeHidden = includeHidden
            self.followSymlinks = followSymlinks
        }
    }

    /// The folders (or single files) to walk; relative paths are taken from the current
    /// directory at the time of the walk.
    public var roots: [String]
    /// What the walk includes.
    public var options: Options

    /// Creates a walker over `roots`.
    public init(roots: [String], options: Options = Options()) {
        self.roots = roots
        self.options = options
    }

    /// Walks every root, calling `visit` for each file found and each path skipped, in
    /// order. An error thrown by `visit` ends the walk and is rethrown.
    public func walk(_ visit: (WalkEntry) throws -> Void) rethrows {
        var firstPaths: [FileIdentity: String] = [:]
        for root in roots {
            let rootPath = Self.absolute(root)
            switch FileStatus.of(path: rootPath) {
            case .failure(let error):
                let reason: SkipReason = error.code == ELOOP ? .symlinkLoop : .unreadable(error.message)
                try visit(.skipped(SkippedPath(path: rootPath, relativePath: "", reason: reason)))
            case .success(let status) where status.kind == .directory:
                var walk = DirectoryWalk(root: rootPath, options: options, firstPaths: firstPaths)
                defer { firstPaths = walk.firstPaths }
                try walk.walkDirectory(Array(rootPath.utf8), relative: [], identity: status.identity, visit)
            case .success(let status):
                let name = String(rootPath.split(separator: "/").last ?? "")
                try visit(DirectoryWalk.entry(
                    for: status, root: rootPath, path: rootPath, relativePath: name, firstPaths: &firstPaths))
            }
        }
    }

    /// `path` made absolute, without trailing slashes and `./` prefixes.
    static func absolute(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        if path == "." { path = "" }
        if !path.hasPrefix("/") {
            let directory = currentDirectory()
            path = path.isEmpty ? directory : (directory == "/" ? "/" : directory + "/") + path
        }
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }

    private static func currentDirectory() -> String {
        guard let pointer = getcwd(nil, 0) else { return "/" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
