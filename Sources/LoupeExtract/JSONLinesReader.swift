#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a JSON lines file of documents, streaming: one object per line, like
/// `{"id": "a/1", "title": "One", "text": "…"}`.
///
/// The file is read in large chunks (4 MiB, more for a longer line), never whole. Each
/// line that holds more than whitespace gives a ``JSONLDocument`` or a
/// ``JSONLLineError``; a bad line does not affect the others. Rules:
/// - `id` is required: a string, or an integer (kept as written, e.g. `"42"`, `"-7"`);
/// - `title` and `text` are optional strings, empty when absent or `null`;
/// - other members may hold any JSON value, which is checked and ignored;
/// - strings may use every JSON escape; `\uXXXX` surrogate pairs are joined, and a lone
///   surrogate becomes U+FFFD; raw bytes must be valid UTF-8;
/// - a trailing `\r` (CRLF line ends) and a UTF-8 byte order mark at the start of the
///   file are accepted.
public struct JSONLinesReader: Sendable {
    /// The file to read.
    public var path: String

    /// The size of the reads, and the initial buffer size.
    private static let chunkSize = 4 << 20

    /// Creates a reader of the file at `path`; nothing is opened until ``forEach(_:)``.
    public init(path: String) {
        self.path = path
    }

    /// Calls `body` for each non-blank line, in file order, with the document or the
    /// error it gives.
    ///
    /// - Throws: ``JSONLinesFileError`` if the file cannot be opened or read (lines
    ///   delivered before a read error stand), or whatever `body` throws, which stops
    ///   the reading.
    public func forEach(_ body: (Result<JSONLDocument, JSONLLineError>) throws -> Void) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw JSONLinesFileError(path: path, reason: SystemError(code: errno).message) }
        defer { close(descriptor) }
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var parser = JSONLineParser()
        var lineNumber = 0
        var start = 0
        var end = 0
        var atEnd = false
        while true {
            let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            while start < end {
                let lineEnd: Int
                if let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), end - start) {
                    lineEnd = UnsafeRawPointer(newline) - UnsafeRawPointer(base)
                } else if atEnd {
                    lineEnd = end
                } else {
                    break
                }
                lineNumber += 1
                var lineStart = start
                if lineNumber == 1, lineEnd - start >= 3, base[start] == 0xEF, base[start + 1] == 0xBB,
                   base[start + 2] == 0xBF {
                    lineStart += 3
                }
                let line = UnsafeBufferPointer(start: base + lineStart, count: lineEnd - lineStart)
                if let result = parser.parse(line, lineNumber: lineNumber) { try body(result) }
                start = lineEnd + 1
            }
            if atEnd { return }
            if start > 0 {
                memmove(buffer.baseAddress!, buffer.baseAddress! + start, end - start)
                end -= start
                start = 0
            }
            if end == buffer.count {
                let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
                larger.copyMemory(from: UnsafeRawBufferPointer(buffer))
                buffer.deallocate()
                buffer = larger
            }
            let count = read(descriptor, buffer.baseAddress! + end, buffer.count - end)
            if count < 0 {
                if errno == EINTR { continue }
                throw JSONLinesFileError(path: path, reason: SystemError(code: errno).message)
            }
            if count == 0 { atEnd = true } else { end += count }
        }
    }
}
