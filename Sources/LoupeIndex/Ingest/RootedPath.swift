/// A path under one of the roots of a ``FolderRoots``: a file, a folder, or something that no
/// longer exists.
public struct RootedPath: Hashable, Sendable, Comparable {
    /// The root's position in ``FolderRoots/paths``.
    public var root: Int
    /// The path from the root, components separated by `/`; empty for the root itself.
    public var relativePath: String

    public init(root: Int, relativePath: String) {
        self.root = root
        self.relativePath = relativePath
    }

    /// Orders by root, then by the UTF-8 bytes of the path, so a folder comes before what
    /// lies under it.
    public static func < (a: RootedPath, b: RootedPath) -> Bool {
        a.root != b.root ? a.root < b.root : a.relativePath.utf8.lexicographicallyPrecedes(b.relativePath.utf8)
    }

    /// The folders `self` lies in, innermost first, ending with the root itself.
    public var ancestors: [RootedPath] {
        guard !relativePath.isEmpty else { return [] }
        var out: [RootedPath] = []
        var rest = Substring(relativePath)
        while let slash = rest.lastIndex(of: "/") {
            rest = rest[..<slash]
            out.append(RootedPath(root: root, relativePath: String(rest)))
        }
        out.append(RootedPath(root: root, relativePath: ""))
        return out
    }

    /// `paths` without duplicates and without any path that lies under another one, sorted.
    public static func outermost(_ paths: some Sequence<RootedPath>) -> [RootedPath] {
        let all = Set(paths)
        return all.filter { path in !path.ancestors.contains(where: all.contains) }.sorted()
    }
}
