#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a whole file into memory, refusing what is not a regular file or too large.
enum FileContents {
    /// The bytes of the regular file at `path`.
    ///
    /// - Throws: ``SkipReason/notRegularFile`` for a FIFO, socket, device or directory
    ///   (opened without blocking, so a FIFO never hangs), ``SkipReason/tooLarge(_:)`` when
    ///   the file holds more than `maxBytes` bytes, ``SkipReason/unreadable(_:)`` when it
    ///   cannot be opened or read.
    static func load(path: String, maxBytes: Int) throws(SkipReason) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(SystemError(code: errno).message) }
        defer { close(descriptor) }
        var raw = stat()
        guard fstat(descriptor, &raw) == 0 else { throw .unreadable(SystemError(code: errno).message) }
        let status = FileStatus(raw)
        guard status.kind == .regular else { throw .notRegularFile }
        guard status.size <= maxBytes else { throw .tooLarge(status.size) }
        var bytes = [UInt8](repeating: 0, count: status.size)
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(SystemError(code: errno).message)
            }
            if count == 0 { break }
            filled += count
        }
        // A file that shrank while being read keeps what was there.
        bytes.removeSubrange(filled...)
        return bytes
    }
}
