import Glibc

/// Why watching could not start or go on.
public enum WatchError: Error, Sendable, CustomStringConvertible {
    /// A root is not a directory (or does not exist).
    case notADirectory(String)
    /// Two roots have the same folder name, which would give their files the same ids.
    case duplicateRootName(String)
    /// A system call failed: what was being done, and the `errno`.
    case system(String, Int32)

    public var description: String {
        switch self {
        case .notADirectory(let path): "\(path) is not a directory"
        case .duplicateRootName(let name):
            "two roots are named \(name); with several roots, ids are prefixed by the folder name, so names must differ"
        case .system(let operation, let code):
            code == ENOSPC && operation.hasPrefix("watch")
                ? "\(operation): the inotify watch limit is reached (raise fs.inotify.max_user_watches)"
                : "\(operation): \(String(cString: strerror(code)))"
        }
    }
}
