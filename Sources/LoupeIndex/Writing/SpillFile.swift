#if canImport(Glibc)
import Glibc
#endif

/// A temporary file a writer spills pending data to, so that its memory stays within the budget
/// while one commit still takes everything.
///
/// The file is created in the index directory and has no name from the start (`O_TMPFILE`; where
/// the file system cannot do that, `mkstemp` then `unlink` at once), so it disappears with the
/// process however the process ends, and a killed run leaves nothing behind. Reads are `pread`s
/// into the caller's buffer (``SpillReader``), so the file is never mapped and its pages never
/// count in the process's resident memory.
///
/// Appends fill a 1 MiB buffer; a full one is written on another thread (``BackgroundWork``)
/// while the appending thread fills the second buffer, so that the copy into the page cache
/// (most of a write's cost, and a flush's run is written by the thread the workers wait for)
/// overlaps the work that produces the next bytes. At most one write is in flight. A write's
/// failure is thrown by the next call that waits for it: an append that needs the buffer, a
/// flush, a read; ``truncate(to:)`` to before the failed bytes drops it.
///
/// One thread uses a file at a time (a flush writes its documents' file on a thread of its own and
/// waits for it before anything else touches that file), which makes the unchecked sendability sound.
final class SpillFile: @unchecked Sendable {
    private let descriptor: Int32
    /// The directory holding the file, for error messages.
    let directory: String
    /// The buffer appends fill (unallocated until the first append after ``finishAppending()``).
    private var buffer: SpillBuffer?
    /// The buffer being written, with its write, and the offset it is written at.
    private var writing: (work: BackgroundWork<SpillBuffer>, offset: Int)?
    /// A write that failed, and the offset its bytes began at.
    private var failure: (offset: Int, error: SpillFileError)?
    /// Bytes handed to the file (written, or being written), the buffer not included.
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

    deinit {
        // The write in flight holds the descriptor: it ends before the file is closed.
        _ = try? writing?.work.result()
        close(descriptor)
    }

    /// `O_TMPFILE`: `__O_TMPFILE | O_DIRECTORY` on Linux.
    private static let temporaryFileFlags: Int32 = 0o20_000_000 | O_DIRECTORY

    /// Bytes appended so far: the offset the next append lands at.
    var size: Int { written + (buffer?.count ?? 0) }

    /// Appends `bytes`.
    func append(_ bytes: UnsafeRawBufferPointer) throws(SpillFileError) {
        if let buffer, buffer.count + bytes.count > Self.bufferSize { try handOff() }
        if bytes.count >= Self.bufferSize {
            try waitForWrite()
            try Self.writeAll(bytes, descriptor, at: written, directory)
            written += bytes.count
        } else {
            if buffer == nil { buffer = SpillBuffer(capacity: Self.bufferSize) }
            buffer!.append(bytes)
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

    /// Writes the buffered bytes to the file and waits for every write, so that readers see
    /// everything appended.
    func flushBuffer() throws(SpillFileError) {
        try handOff()
        try waitForWrite()
    }

    /// Writes the buffered bytes (``flushBuffer()``) and frees the buffers until the next append:
    /// what a flush does with each file once it is done with it, so that the files hold no memory
    /// between flushes, nor through the commit's merge.
    func finishAppending() throws(SpillFileError) {
        try flushBuffer()
        buffer = nil
    }

    /// Starts writing the file's pages from `offset` on back to disk, and returns at once: they stay
    /// in the page cache, clean once written, so that a later ``releaseCache(from:)`` can drop them
    /// all (`sync_file_range` with `SYNC_FILE_RANGE_WRITE`; nothing where the C library lacks it).
    /// Call it with no append pending (after ``finishAppending()``).
    ///
    /// A writer calls it on a flush's run once the run is written, and the commit reads the run
    /// from the cache. (Asking the cache to drop the run's pages at the flush, as
    /// ``releaseCache(from:)`` does, started the write-back too, but dropped the pages already
    /// written back, which the commit then read from the disk again: 50 of the bench corpus's 94 MB.)
    func startWriteBack(from offset: Int) {
        _ = Self.syncFileRange?(descriptor, off_t(offset), 0, Self.syncFileRangeWrite)
    }

    /// glibc's `sync_file_range`, which its Swift module does not export (it needs `_GNU_SOURCE`);
    /// nil under another C library.
    private static let syncFileRange: (@convention(c) (Int32, off_t, off_t, UInt32) -> Int32)? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, off_t, off_t, UInt32) -> Int32).self)
        #else
        return nil
        #endif
    }()

    /// `SYNC_FILE_RANGE_WRITE` (`<fcntl.h>`): start writing dirty pages back, wait for nothing.
    private static let syncFileRangeWrite: UInt32 = 2

    /// Lets the page cache drop the file's pages from `offset` on that are on disk, and starts
    /// writing the others back (`posix_fadvise`, `POSIX_FADV_DONTNEED`; nothing under another C
    /// library). The bytes stay in the file: a read after this takes them from the disk. Call it
    /// with no append pending (after ``finishAppending()``).
    ///
    /// A writer calls it on the whole file once its commit has merged the runs, whose pages
    /// ``startWriteBack(from:)`` had written back: the commit then writes its own pages into the
    /// memory the spill held. Memory the system has just freed is cheap to write into; on a
    /// virtual machine whose host takes freed memory back (free page reporting), a page nobody
    /// touched for a few seconds costs about ten times as much (2.7 ms per MB here, against 0.3
    /// right after a free).
    func releaseCache(from offset: Int = 0) {
        #if canImport(Glibc)
        _ = posix_fadvise(descriptor, off_t(offset), 0, POSIX_FADV_DONTNEED)
        #endif
    }

    /// Drops everything from `offset` on (what a failed flush appended), buffered or written, and
    /// a failed write of those bytes.
    func truncate(to offset: Int) {
        _ = try? waitForWrite()
        if let failed = failure, offset <= failed.offset { failure = nil }
        if offset >= written {
            buffer?.count = offset - written
        } else {
            buffer?.count = 0
            written = offset
            _ = ftruncate(descriptor, off_t(offset))
        }
    }

    /// Reads up to `count` bytes at `offset` into `into`; returns how many were read (0 at the end).
    func read(into destination: UnsafeMutableRawPointer, count: Int, at offset: Int) throws(SpillFileError) -> Int {
        try waitForWrite()
        while true {
            let n = pread(descriptor, destination, count, off_t(offset))
            if n >= 0 { return n }
            if errno != EINTR { throw SpillFileError(code: errno, operation: "read the spill file", directory: directory) }
        }
    }

    /// Starts writing the buffer on another thread (after the write in flight, whose buffer then
    /// takes the appends).
    private func handOff() throws(SpillFileError) {
        guard let full = buffer, full.count > 0 else { return }
        let spare = try waitForWrite()
        let descriptor = descriptor, offset = written, directory = directory
        written += full.count
        buffer = spare ?? SpillBuffer(capacity: Self.bufferSize)
        let work = BackgroundWork { () throws(SpillFileError) -> SpillBuffer in
            try Self.writeAll(UnsafeRawBufferPointer(start: full.bytes, count: full.count), descriptor, at: offset, directory)
            full.count = 0
            return full
        }
        writing = (work, offset)
    }

    /// Waits for the write in flight, if any, and returns its buffer (emptied); throws its error,
    /// or that of an earlier write not truncated away.
    @discardableResult
    private func waitForWrite() throws(SpillFileError) -> SpillBuffer? {
        var returned: SpillBuffer?
        if let (work, offset) = writing {
            writing = nil
            do {
                returned = try work.result()
            } catch let error as SpillFileError {
                failure = failure ?? (offset, error)
            } catch {
                fatalError("unreachable: a spill write throws only SpillFileError")
            }
        }
        if let failure { throw failure.error }
        return returned
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, _ descriptor: Int32, at offset: Int, _ directory: String) throws(SpillFileError) {
        var done = 0
        while done < bytes.count {
            let n = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw SpillFileError(code: errno, operation: "write the spill file", directory: directory)
            }
            done += n
        }
    }
}

/// A ``SpillFile``'s buffer: a fixed allocation filled from the start, handed between the
/// appending thread and the thread writing it, one at a time.
private final class SpillBuffer: @unchecked Sendable {
    let bytes: UnsafeMutableRawPointer
    let capacity: Int
    /// Bytes held, from `bytes` on.
    var count = 0

    init(capacity: Int) {
        bytes = .allocate(byteCount: capacity, alignment: 16)
        self.capacity = capacity
    }

    deinit { bytes.deallocate() }

    /// Appends `source`, which must fit.
    func append(_ source: UnsafeRawBufferPointer) {
        precondition(count + source.count <= capacity, "a spill buffer overflowed")
        guard let base = source.baseAddress, source.count > 0 else { return }
        (bytes + count).copyMemory(from: base, byteCount: source.count)
        count += source.count
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
