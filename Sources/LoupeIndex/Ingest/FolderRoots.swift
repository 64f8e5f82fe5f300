import Foundation

/// The folders an indexing run covers, and how their files are named in the index.
///
/// A file's document id is its path relative to its root; with several roots, it is prefixed by
/// the root folder's name and `/`, so ids from different roots stay apart. A document belongs to
/// a root when its stored source path is the root itself or lies under it. ``FolderIndexer``,
/// ``PathIndexer`` and the folder watcher all name documents through this type, so a file gets
/// the same id however it was indexed.
public struct FolderRoots: Sendable, Equatable {
    /// The roots, absolute and standardized (no `.`/`..` components, no trailing `/`).
    public let paths: [String]

    /// Takes `roots` in order; relative paths are resolved against the current directory.
    public init(_ roots: [String]) {
        paths = roots.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }

    /// The document id of the file at `relativePath` under the root `rootPath` (one of ``paths``).
    public func id(rootPath: String, relativePath: String) -> String {
        guard paths.count > 1 else { return relativePath }
        let name = (rootPath as NSString).lastPathComponent
        return relativePath.isEmpty ? name : name + "/" + relativePath
    }

    /// The document id of `relativePath` under root number `root`; for an empty `relativePath`,
    /// the prefix every id of that root starts with (empty with a single root).
    public func id(root: Int, relativePath: String) -> String {
        id(rootPath: paths[root], relativePath: relativePath)
    }

    /// The absolute path of `relativePath` under root number `root`.
    public func absolutePath(root: Int, relativePath: String) -> String {
        relativePath.isEmpty ? paths[root] : (paths[root] == "/" ? "/" : paths[root] + "/") + relativePath
    }

    /// True when a document whose source is `source` came from root number `root`.
    public func owns(source: String, root: Int) -> Bool {
        let path = paths[root]
        return source == path || source.hasPrefix(path == "/" ? path : path + "/")
    }

    /// The first root that `path` is or lies under (the first root when there is none).
    public func root(of path: String) -> String {
        paths.indices.first { owns(source: path, root: $0) }.map { paths[$0] } ?? paths.first ?? "/"
    }

    /// True when a document whose source is `source` came from any of the roots.
    public func owns(source: String) -> Bool {
        paths.indices.contains { owns(source: source, root: $0) }
    }
}
