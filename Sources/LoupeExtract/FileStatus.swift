#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says about a path, reduced to what the walker and the reader need.
struct FileStatus {
    /// The kinds of file that matter here.
    enum Kind {
        case regular, directory, other
        /// A symbolic link itself, seen only when links are not followed.
        case symbolicLink
    }

    var kind: Kind
    var size: Int
    var modificationTime: FileTime
    /// The device and inode, which identify a file or directory whatever path leads to it.
    var identity: FileIdentity

    init(_ raw: stat) {
        switch raw.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        default: kind = .other
        }
        size = Int(raw.st_size)
        #if canImport(Darwin)
        modificationTime = FileTime(seconds: Int64(raw.st_mtimespec.tv_sec), nanoseconds: Int32(raw.st_mtimespec.tv_nsec))
        #else
        modificationTime = FileTime(seconds: Int64(raw.st_mtim.tv_sec), nanoseconds: Int32(raw.st_mtim.tv_nsec))
        #endif
        identity = FileIdentity(device: UInt64(raw.st_dev), inode: UInt64(raw.st_ino))
    }

    /// The status of the file `path` leads to (symbolic links followed), or the `errno`
    /// of the failure.
    static func of(path: UnsafePointer<CChar>) -> Result<FileStatus, SystemError> {
        var raw = stat()
        guard stat(path, &raw) == 0 else { return .failure(SystemError(code: errno)) }
        return .success(FileStatus(raw))
    }

    /// The status of the file `name` in the open directory `directory` leads to (symbolic
    /// links followed unless `followLinks` is false: then a link's own status, of kind
    /// ``Kind/symbolicLink``), or the `errno` of the failure.
    static func of(name: UnsafePointer<CChar>, in directory: Int32, followLinks: Bool = true) -> Result<FileStatus, SystemError> {
        var raw = stat()
        guard fstatat(directory, name, &raw, followLinks ? 0 : AT_SYMLINK_NOFOLLOW) == 0 else {
            return .failure(SystemError(code: errno))
        }
        return .success(FileStatus(raw))
    }

    /// Whether `name` in the open directory `directory` is itself a symbolic link.
    static func isSymbolicLink(name: UnsafePointer<CChar>, in directory: Int32) -> Bool {
        var raw = stat()
        return fstatat(directory, name, &raw, AT_SYMLINK_NOFOLLOW) == 0 && raw.st_mode & S_IFMT == S_IFLNK
    }
}

/// A file's (or directory's) identity on the machine: its device and inode numbers.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
}

/// A failed system call's `errno`, with the system's message for it.
struct SystemError: Error {
    var code: Int32

    var message: String {
        String(cString: strerror(code))
    }
}
