import Glibc

/// An exclusive `flock` on `louped.lock` in the index directory, held for the daemon's life, so
/// that a second daemon on the same index is refused instead of fighting over the single writer.
final class IndexLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock, creating the directory and the file when needed; the file holds our pid.
    /// - Throws: ``ServerError`` when another process holds the lock or the file cannot be opened.
    init(directory: String) throws(ServerError) {
        let path = directory + "/louped.lock"
        mkdir(directory, 0o755)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ServerError("cannot open \(path): \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &buffer, buffer.count, 0)
            close(fd)
            let pid = n > 0 ? String(decoding: buffer[..<n], as: UTF8.self).filter(\.isNumber) : ""
            throw ServerError(
                "another louped\(pid.isEmpty ? "" : " (pid \(pid))") is already serving the index at \(directory); stop it first")
        }
        let pid = Array("\(getpid())\n".utf8)
        ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.count, 0)
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
