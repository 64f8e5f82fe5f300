#if canImport(Glibc)
import Glibc
#endif

/// A temporary file a writer spills pending data to, so that its memory stays within the budget
/// while one commit still takes everything.
///
/// The file is created in the index directory and has no name from the start (`O_TMPFILE`; where
/// the file system cannot do that, `mkstemp` then `unlink` at once), so it disappears with the
/// process however the process ends, and a killed run leaves nothing behind. Appends go through
/// a buffer; reads are `pread`s into the caller's buffer (``SpillReader``), so the file is never
/// mapped and its pages never count in the process's resident memory.
///
/// One thread uses a file at a time (a flush writes its documents' file on a thread of its own and
/// waits for it before anything else touches that file), which makes the unchecked sendability sound.
final class SpillFile: @unchecked Sendable {
    private let descriptor: Int32
    /// The directory holding the file, for error messages.
    let directory: String
    private var buffer: [UInt8] = []
    /// Bytes written to the file itself (the buffer not included).
    private var written = 0

    private static let bufferSize = 1 << 20

    /// Creates an empty, unnamed file in `directory`.
    init(in directory: String) throws(SpillFileError) {
        self.directory = directory
        var fd = open(directory, Self.temporaryFileFlags | O_RDWR | O_CLOEXEC, 0o600)
        if fd < 0 && [EOPNOTSUPP, EISDIR, EINVAL].contains(errno) {
            var template = Array((directory + "/.loupe-spill-XXXXXX").utf8CString)
            fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            if fd >= 0 {
                template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        }
        guard fd >= 0 else { throw SpillFileError(code: errno, operation: "create a spill file", directory: directory) }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// `O_TMPFILE`: `__O_TMPFILE | O_DIRECTORY` on Linux.
    private static let temporaryFileFlags: Int32 = 0o20_000_000 | O_DIRECTORY

    /// Bytes appended so far: the offset the next append lands at.
    var size: Int { written + buffer.count }

    /// Appends `bytes`.
    func append(_ bytes: UnsafeRawBufferPointer) throws(SpillFileError) {
        if buffer.count + bytes.count > Self.bufferSize { try flushBuffer() }
        if bytes.count >= Self.bufferSize {
            try writeAll(bytes)
        } else {
            if buffer.capacity == 0 { buffer.reserveCapacity(Self.bufferSize) }
            buffer.append(contentsOf: bytes)
        }
    }

    /// Appends `bytes`.
    func append(_ bytes: [UInt8]) throws(SpillFileError) {
        do {
            try bytes.withUnsafeBytes { try append($0) }
        } catch let error as SpillFileError {
            throw error
        } catch {
            fatalError("unreachable: append throws only SpillFileError")
        }
    }

    /// Appends an entry per element of `items`, each written by `encode` to a scratch array.
    func appendEntries<Items: Sequence>(_ items: Items, _ encode: (Items.Element, inout [UInt8]) -> Void) throws(SpillFileError) {
        var scratch: [UInt8] = []
        for item in items {
            scratch.removeAll(keepingCapacity: true)
            encode(item, &scratch)
            try append(scratch)
        }
    }

    /// Writes the buffered bytes to the file, so that readers see everything appended.
    func flushBuffer() throws(SpillFileError) {
        guard !buffer.isEmpty else { return }
        let pending = buffer
        buffer.removeAll(keepingCapacity: true)
        do {
            try pending.withUnsafeBytes { try writeAll($0) }
        } catch let error as SpillFileError {
            throw error
        } catch {
            fatalError("unreachable: writeAll throws only SpillFileError")
        }
    }

    /// Writes the buffered bytes (``flushBuffer()``) and frees the buffer until the next append:
    /// what a flush does with each file once it is done with it, so that the files hold no memory
    /// between flushes, nor through the commit's merge.
    func finishAppending() throws(SpillFileError) {
        try flushBuffer()
        buffer = []
    }

    /// Drops everything from `offset` on (what a failed flush appended), buffered or written.
    func truncate(to offset: Int) {
        if offset >= written {
            buffer.removeSubrange((offset - written)...)
        } else {
            buffer.removeAll(keepingCapacity: true)
            written = offset
            _ = ftruncate(descriptor, off_t(offset))
        }
    }

    /// Reads up to `count` bytes at `offset` into `into`; returns how many were read (0 at the end).
    func read(into destination: UnsafeMutableRawPointer, count: Int, at offset: Int) throws(SpillFileError) -> Int {
        while true {
            let n = pread(descriptor, destination, count, off_t(offset))
            if n >= 0 { return n }
            if errno != EINTR { throw SpillFileError(code: errno, operation: "read the spill file", directory: directory) }
        }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(SpillFileError) {
        var done = 0
        while done < bytes.count {
            let n = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(written + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw SpillFileError(code: errno, operation: "write the spill file", directory: directory)
            }
            done += n
        }
        written += bytes.count
    }
}

/// A failure creating, writing or reading a writer's spill file (``SpillFile``).
public struct SpillFileError: Error, Sendable, CustomStringConvertible {
    /// The `errno` value.
    public let code: Int32
    /// What was being done.
    public let operation: String
    /// The index directory the file lives in.
    public let directory: String

    /// True when the disk or the user's quota is full.
    public var isDiskFull: Bool { code == ENOSPC || code == EDQUOT }

    public var description: String {
        "cannot \(operation) in \(directory): \(String(cString: strerror(code))); the index stays at its last commit"
    }
}
