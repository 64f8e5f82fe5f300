import Foundation
import LoupeProtocol

/// The folders `INDEX` may touch. Paths are compared after resolving `.`, `..` and symbolic links,
/// so no spelling of a path escapes its root.
struct RootPolicy: Sendable {
    /// The configured roots, resolved; the folder indexer runs over all of them so document ids
    /// stay the same whichever path under them a request names.
    let roots: [String]

    /// Resolves `roots`.
    /// - Throws: ``ServerError`` for a root that does not exist.
    init(roots: [String]) throws(ServerError) {
        var resolved: [String] = []
        for root in roots {
            guard let path = Self.resolve(root) else { throw ServerError("index.roots: \(root) does not exist") }
            resolved.append(path)
        }
        self.roots = resolved
    }

    /// Checks that `path` (absolute) lies under a root and returns it resolved.
    /// - Throws: ``ProtocolError`` `FORBIDDEN` outside the roots or without roots, `BAD_ARGUMENT` for a
    ///   relative path, `NOT_FOUND` when neither the path nor its folder exists.
    func check(_ path: String) throws(ProtocolError) -> String {
        guard !roots.isEmpty else { throw ProtocolError(.forbidden, "INDEX is disabled: the server has no index.roots") }
        guard path.hasPrefix("/") else { throw ProtocolError(.badArgument, "INDEX needs an absolute path, got \(path)") }
        let resolved: String
        if let existing = Self.resolve(path) {
            resolved = existing
        } else {
            let parent = (path as NSString).deletingLastPathComponent
            guard let resolvedParent = Self.resolve(parent) else { throw ProtocolError(.notFound, "no such file or folder: \(path)") }
            resolved = (resolvedParent == "/" ? "" : resolvedParent) + "/" + (path as NSString).lastPathComponent
        }
        guard roots.contains(where: { resolved == $0 || resolved.hasPrefix($0 == "/" ? "/" : $0 + "/") }) else {
            throw ProtocolError(.forbidden, "\(path) is outside the configured roots")
        }
        return resolved
    }

    /// The canonical absolute path of an existing file or folder, or nil.
    private static func resolve(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
