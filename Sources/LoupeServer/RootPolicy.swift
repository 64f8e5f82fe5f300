import Foundation
import LoupeIndex
import LoupeProtocol

/// The folders `INDEX` may touch. Paths are compared after resolving `.`, `..` and symbolic links,
/// so no spelling of a path escapes its root.
struct RootPolicy: Sendable {
    /// The configured roots, resolved; documents are named relative to them (``FolderRoots``), so
    /// a file gets the same id whichever path under them a request names.
    let roots: FolderRoots

    /// Resolves `roots`.
    /// - Throws: ``ServerError`` for a root that does not exist.
    init(roots: [String]) throws(ServerError) {
        var resolved: [String] = []
        for root in roots {
            guard let path = Self.resolve(root) else { throw ServerError("index.roots: \(root) does not exist") }
            resolved.append(path)
        }
        self.roots = FolderRoots(resolved)
    }

    /// Checks that `path` (absolute) lies under a root and returns it relative to that root.
    /// - Throws: ``ProtocolError`` `FORBIDDEN` outside the roots or without roots, `BAD_ARGUMENT` for a
    ///   relative path, `NOT_FOUND` when neither the path nor its folder exists.
    func locate(_ path: String) throws(ProtocolError) -> RootedPath {
        guard !roots.paths.isEmpty else { throw ProtocolError(.forbidden, "INDEX is disabled: the server has no index.roots") }
        guard path.hasPrefix("/") else { throw ProtocolError(.badArgument, "INDEX needs an absolute path, got \(path)") }
        let resolved: String
        if let existing = Self.resolve(path) {
            resolved = existing
        } else {
            let parent = (path as NSString).deletingLastPathComponent
            guard let resolvedParent = Self.resolve(parent) else { throw ProtocolError(.notFound, "no such file or folder: \(path)") }
            resolved = (resolvedParent == "/" ? "" : resolvedParent) + "/" + (path as NSString).lastPathComponent
        }
        guard let root = roots.paths.indices.first(where: { roots.owns(source: resolved, root: $0) }) else {
            throw ProtocolError(.forbidden, "\(path) is outside the configured roots")
        }
        let rootPath = roots.paths[root]
        let relative = resolved == rootPath ? "" : String(resolved.dropFirst(rootPath == "/" ? 1 : rootPath.count + 1))
        return RootedPath(root: root, relativePath: relative)
    }

    /// The canonical absolute path of an existing file or folder, or nil.
    private static func resolve(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
