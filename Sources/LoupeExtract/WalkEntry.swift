/// A file the walker found, a candidate for extraction.
public struct WalkedFile: Sendable, Equatable {
    /// The root it was found under, made absolute, as given otherwise (symbolic links in
    /// it are not resolved).
    public var root: String
    /// The absolute path of the file: ``root``, `/`, ``relativePath`` (or just ``root``
    /// when the root is the file itself).
    public var path: String
    /// The path from the root to the file, components separated by `/`: the document's
    /// stable id. For a root that is a file, its file name.
    public var relativePath: String
    /// The size in bytes.
    public var size: Int
    /// The last modification time.
    public var modificationTime: FileTime

    /// Creates a record from its parts, taken as they are.
    public init(root: String, path: String, relativePath: String, size: Int, modificationTime: FileTime) {
        self.root = root
        self.path = path
        self.relativePath = relativePath
        self.size = size
        self.modificationTime = modificationTime
    }
}

/// A path the walker passed over, and why.
public struct SkippedPath: Sendable, Equatable {
    /// The absolute path.
    public var path: String
    /// The path from its root, as for ``WalkedFile/relativePath``; empty for a root
    /// directory that could not be read.
    public var relativePath: String
    /// Why it was skipped.
    public var reason: SkipReason

    /// Creates a record from its parts, taken as they are.
    public init(path: String, relativePath: String, reason: SkipReason) {
        self.path = path
        self.relativePath = relativePath
        self.reason = reason
    }
}

/// A path the walker left alone on purpose: a symbolic link it does not follow, or a second
/// path to a file it already reported.
public struct PassedPath: Sendable, Equatable {
    /// The absolute path.
    public var path: String
    /// The path from its root, as for ``WalkedFile/relativePath``.
    public var relativePath: String
    /// For a duplicate, the path the file was first reported under; `nil` for a link.
    public var firstPath: String?

    /// Creates a record from its parts, taken as they are.
    public init(path: String, relativePath: String, firstPath: String? = nil) {
        self.path = path
        self.relativePath = relativePath
        self.firstPath = firstPath
    }
}

/// One step of a walk: a file found, a path skipped, or a path left alone.
public enum WalkEntry: Sendable, Equatable {
    /// A regular file, to be extracted (whatever its size: the extractor bounds what it reads).
    case file(WalkedFile)
    /// A path passed over because of a problem, with the reason.
    case skipped(SkippedPath)
    /// A symbolic link (to a file, a folder or nothing) not followed.
    case link(PassedPath)
    /// A path to a file (same device and inode) already reported under an earlier path.
    case duplicate(PassedPath)
}
