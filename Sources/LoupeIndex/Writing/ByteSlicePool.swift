#if canImport(Glibc)
import Glibc
#endif

/// Many growing byte streams (one per term of a batch) carved in slices out of large pages, as
/// Lucene's byte-block pool does.
///
/// A stream starts as one small slice; when it fills, a slice of the next size (16, 32, ... up
/// to 4,096 bytes) is carved from the current page, and its address is written into the last 4
/// bytes of the full slice. So appending allocates nothing but the occasional 1 MiB page, a
/// rare term costs 16 bytes instead of an array of its own, and the pool's memory is exactly
/// its pages (``bytes``). Pages are mapped from the kernel (`mmap`) rather than taken from
/// malloc, so emptying the pool gives the memory back to the system at once, never leaving it
/// fragmented in malloc's arenas. Addresses are 32-bit, so a pool holds at most 4 GiB;
/// ``isNearlyFull`` tells a writer to commit long before that.
///
/// A pool is written from one thread; several threads may read it once writing is over.
final class ByteSlicePool {
    static let pageShift = 20
    static let pageSize = 1 << pageShift
    /// The size of the slices of level `level` (the last 4 bytes of each hold the next slice's address).
    @inline(__always)
    static func sliceSize(_ level: UInt32) -> UInt32 { 16 << min(level, 8) }

    /// Where one stream is. The pool keeps no table of its streams: their owner holds each one
    /// beside its own state for the stream (so one memory access finds both) and passes it to
    /// every call.
    struct Stream {
        /// Address of the first slice.
        var head: UInt32
        /// Address where the next byte goes.
        var tail: UInt32
        /// Address of the current slice's 4-byte link: where its payload ends.
        var end: UInt32
        /// Bytes appended.
        var length: UInt32
        var level: UInt8
    }

    /// The most pages a pool can hold: its 32-bit addresses cover 4 GiB.
    private static let maxPages = 1 << (32 - pageShift)
    /// The pages' addresses, `pageCount` of them: a table of `maxPages` entries (32 KiB) so that
    /// finding an address's page is one load, with no array to check or grow.
    private let pages = UnsafeMutablePointer<UnsafeMutablePointer<UInt8>>.allocate(capacity: maxPages)
    private var pageCount = 0
    /// Next free address, and the end of the current page.
    private var free = 0, limit = 0

    init() {}

    deinit {
        for page in 0..<pageCount { munmap(pages[page], Self.pageSize) }
        pages.deallocate()
    }

    /// Bytes held: the pages.
    var bytes: Int { pageCount * Self.pageSize }

    /// Bytes carved into slices so far (with the ends of full pages): addresses are dense.
    var usedBytes: Int { free }

    /// Whether the addresses are running out (3 of the 4 GiB used): the owner should empty the pool.
    var isNearlyFull: Bool { free >= 3 << 30 }

    /// Starts a new, empty stream.
    func newStream() -> Stream {
        let start = allocate(Self.sliceSize(0))
        return Stream(head: start, tail: start, end: start + Self.sliceSize(0) - 4, length: 0, level: 0)
    }

    /// Appends `byte` to `stream`.
    @inline(__always)
    func append(_ byte: UInt8, to stream: inout Stream) {
        if stream.tail == stream.end { nextSlice(&stream) }
        address(stream.tail).pointee = byte
        stream.tail &+= 1
        stream.length &+= 1
    }

    /// Appends `value` as a LEB128 varint (the `VarInt` encoding) to `stream`: straight into the
    /// current slice when it has room for the longest one (5 bytes), byte by byte otherwise.
    @inline(__always)
    func appendVarInt(_ value: UInt32, to stream: inout Stream) {
        var v = value
        guard stream.end &- stream.tail >= 5 else {
            while v >= 0x80 {
                append(UInt8(truncatingIfNeeded: v) | 0x80, to: &stream)
                v >>= 7
            }
            append(UInt8(v), to: &stream)
            return
        }
        let start = address(stream.tail)
        var p = start
        while v >= 0x80 {
            p.pointee = UInt8(truncatingIfNeeded: v) | 0x80
            p += 1
            v >>= 7
        }
        p.pointee = UInt8(v)
        let written = UInt32(truncatingIfNeeded: p - start) &+ 1
        stream.tail &+= written
        stream.length &+= written
    }

    /// Replaces `out`'s contents with the bytes of stream `s`, in order.
    func copy(_ s: Stream, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        append(s, to: &out)
    }

    /// Appends the bytes of stream `s` to `out`, in order: a copy of each of its slices.
    func append(_ s: Stream, to out: inout [UInt8]) {
        reader.append(s, to: &out)
    }

    /// A reader of the pool's streams, valid while the pool lives: a copy of the pages table's
    /// address, so reading through it costs no reference counting.
    var reader: Reader { Reader(pages: UnsafePointer(pages)) }

    /// Reads streams of a pool (see ``ByteSlicePool/reader``).
    struct Reader {
        fileprivate let pages: UnsafePointer<UnsafeMutablePointer<UInt8>>

        /// Appends the bytes of stream `s` to `out`, in order: a copy of each of its slices.
        func append(_ s: Stream, to out: inout [UInt8]) {
            var start = s.head
            var level: UInt32 = 0
            while true {
                let end = start + ByteSlicePool.sliceSize(level) - 4
                if s.tail >= start && s.tail <= end {
                    out.append(contentsOf: UnsafeBufferPointer(start: address(start), count: Int(s.tail - start)))
                    return
                }
                out.append(contentsOf: UnsafeBufferPointer(start: address(start), count: Int(end - start)))
                start = UnsafeRawPointer(address(end)).loadUnaligned(as: UInt32.self)
                level += 1
            }
        }

        @inline(__always)
        private func address(_ a: UInt32) -> UnsafeMutablePointer<UInt8> {
            pages[Int(a >> UInt32(ByteSlicePool.pageShift))] + Int(a & UInt32(ByteSlicePool.pageSize - 1))
        }
    }

    @inline(__always)
    private func address(_ a: UInt32) -> UnsafeMutablePointer<UInt8> {
        pages[Int(a >> UInt32(Self.pageShift))] + Int(a & UInt32(Self.pageSize - 1))
    }

    /// Carves the stream's next slice and links the full one to it.
    private func nextSlice(_ s: inout Stream) {
        let level = min(s.level + 1, 8)
        let size = Self.sliceSize(UInt32(level))
        let start = allocate(size)
        UnsafeMutableRawPointer(address(s.end)).storeBytes(of: start, as: UInt32.self)
        s.tail = start
        s.end = start + size - 4
        s.level = level
    }

    /// `size` free bytes within one page; a new page when the current one has too few.
    private func allocate(_ size: UInt32) -> UInt32 {
        if free + Int(size) > limit {
            precondition(pageCount < Self.maxPages, "ByteSlicePool: 4 GiB of addresses used")
            let page = mmap(nil, Self.pageSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
            guard let page, page != MAP_FAILED else { fatalError("ByteSlicePool: out of memory (mmap of a page failed)") }
            (pages + pageCount).initialize(to: page.assumingMemoryBound(to: UInt8.self))
            pageCount += 1
            free = (pageCount - 1) << Self.pageShift
            limit = free + Self.pageSize
        }
        defer { free += Int(size) }
        return UInt32(free)
    }
}
