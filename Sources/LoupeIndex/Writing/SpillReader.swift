/// Reads the framed entries of one region of a ``SpillFile`` in order, through a buffer filled by
/// `pread` (the file is never mapped).
///
/// An entry is a u32 little-endian length and that many bytes (``beginFrame(in:)`` and
/// ``endFrame(_:in:)`` write one). The buffer holds at least one whole entry, growing for a large
/// one; ``next()``'s bytes stay valid until the next call.
struct SpillReader {
    private let file: SpillFile
    private var offset: Int
    private let end: Int
    private var buffer: UnsafeMutableRawBufferPointer
    /// The unread bytes of the buffer.
    private var start = 0, filled = 0

    /// Reads the entries of `file` in `region` (offsets of whole entries).
    init(_ file: SpillFile, region: Range<Int>, bufferSize: Int = 1 << 20) {
        self.file = file
        offset = region.lowerBound
        end = region.upperBound
        buffer = .allocate(byteCount: bufferSize, alignment: 8)
    }

    /// Frees the buffer; the reader is not used afterwards.
    mutating func close() {
        buffer.deallocate()
        buffer = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    }

    /// Starts an entry at the end of `out`, written in place after it; returns what
    /// ``endFrame(_:in:)`` needs.
    static func beginFrame(in out: inout [UInt8]) -> Int {
        for _ in 0..<4 { out.append(0) }
        return out.count - 4
    }

    /// Ends the entry `beginFrame(in:)` started: its length is what `out` grew by since.
    static func endFrame(_ start: Int, in out: inout [UInt8]) {
        let length = UInt32(out.count - start - 4).littleEndian
        out.withUnsafeMutableBytes { $0.storeBytes(of: length, toByteOffset: start, as: UInt32.self) }
    }

    /// The next entry's bytes, or nil after the last.
    mutating func next() throws -> UnsafeRawBufferPointer? {
        guard try ensure(4) else {
            guard filled == start else { throw IndexError.corrupt("spill file: an entry is cut short") }
            return nil
        }
        let length = Int(UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: start, as: UInt32.self)))
        guard try ensure(4 + length) else { throw IndexError.corrupt("spill file: an entry is cut short") }
        let entry = UnsafeRawBufferPointer(rebasing: buffer[(start + 4)..<(start + 4 + length)])
        start += 4 + length
        return entry
    }

    /// Makes `count` unread bytes available, reading more of the file; false at the region's end.
    private mutating func ensure(_ count: Int) throws -> Bool {
        if filled - start >= count { return true }
        if count > buffer.count {
            let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, buffer.count * 2), alignment: 8)
            grown.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[start..<filled]))
            buffer.deallocate()
            buffer = grown
        } else if start > 0 {
            buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: filled - start)
        }
        filled -= start
        start = 0
        while filled < count && offset < end {
            let n = try file.read(into: buffer.baseAddress! + filled, count: min(buffer.count - filled, end - offset), at: offset)
            guard n > 0 else { throw IndexError.corrupt("spill file: shorter than written") }
            filled += n
            offset += n
        }
        return filled >= count
    }
}
