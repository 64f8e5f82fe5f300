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

/// One step of a walk: a file found, or a path skipped.
public enum WalkEntry: Sendable, Equatable {
    /// A regular file within the size limit, to be extracted.
    case file(WalkedFile)
    /// A path passed over, with the reason.
    case skipped(SkippedPath)
}
