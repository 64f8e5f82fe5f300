import LoupeAnalysis
import LoupeCodec

/// The in-memory inverted index of the documents one worker added since the last commit.
///
/// Each term (a slot of the ``TermInterner``) has one byte stream in a ``ByteSlicePool``
/// holding, for every document: the varint doc-id gap, then the positions as varints — the
/// first as position + 1, the others as gaps (≥ 1) — and a 0 byte that ends the document.
/// Tokens are appended as the analyzer produces them, so inverting a document needs no sorting,
/// and the streams live in a few large pages, so a term costs no allocation of its own and
/// ``memoryBytes`` is what the batch really holds.
struct InvertedBatch {
    /// The terms, each with its ``TermPostings`` beside its key (one memory access finds both).
    /// Like `pool` and `touched`, its storage is a reference that copies of the batch share (a
    /// batch is written by one owner), so that the per-token closure writes it without uniqueness
    /// checks.
    private(set) var interner = Interner()
    private let pool = ByteSlicePool()
    /// The entries of the terms of the field being inverted: those whose document needs its 0 byte.
    private let touched = GrowingBuffer<UInt32>(capacity: 1 << 10)

    typealias Interner = TermInterner<TermPostings>

    /// A term's pending postings: its stream, the last document it was seen in, and its last
    /// position there.
    struct TermPostings {
        fileprivate var stream: ByteSlicePool.Stream
        fileprivate var lastDoc: UInt32
        fileprivate var lastPosition: UInt32
    }
    /// Postings added.
    private(set) var postings = 0

    /// Bytes held, for the memory budget: the pool's pages, the dictionary and the per-term state.
    var memoryBytes: Int {
        pool.bytes + interner.memoryBytes + touched.capacity * MemoryLayout<UInt32>.stride
    }

    /// Bytes of the terms' postings streams: what their chunks will take, about.
    var streamBytes: Int { pool.usedBytes }

    /// Whether the pool's addresses are running out: the batch must be committed.
    var isNearlyFull: Bool { pool.isNearlyFull }

    /// Adds `text` as `field` of `doc`; returns the number of tokens indexed.
    mutating func invert(_ text: String, field: IndexField, doc: UInt32, analyzer: Analyzer) -> UInt32 {
        let pool = self.pool, touched = self.touched
        touched.removeAll()
        var count: UInt32 = 0
        analyzer.analyze(text) { term, position, _ in
            let entry = interner.intern(field: field.rawValue, term: term) {
                TermPostings(stream: pool.newStream(), lastDoc: .max, lastPosition: 0)
            }
            let t = interner.value(entry)
            if t.pointee.lastDoc != doc {
                pool.appendVarInt(t.pointee.lastDoc == .max ? doc : doc &- t.pointee.lastDoc, to: &t.pointee.stream)
                pool.appendVarInt(position &+ 1, to: &t.pointee.stream)
                t.pointee.lastDoc = doc
                touched.append(UInt32(truncatingIfNeeded: entry))
            } else {
                pool.appendVarInt(position &- t.pointee.lastPosition, to: &t.pointee.stream)
            }
            t.pointee.lastPosition = position
            count &+= 1
        }
        for i in 0..<touched.count { pool.append(0, to: &interner.value(Int(touched[i])).pointee.stream) }
        postings += touched.count
        return count
    }

    /// Bytes of `slot`'s pending postings: a measure of the work of encoding them.
    func byteCount(slot: Int) -> Int { Int(interner.value(slot: slot).stream.length) }

    /// Appends `slot`'s postings stream to `out` as it is (the form above, ``PostingsStreamDecoder``'s
    /// input): a copy of its slices.
    func appendStream(slot: Int, to out: inout [UInt8]) {
        pool.append(interner.value(slot: slot).stream, to: &out)
    }

    /// Calls `body` with readers of `batches`, in order, whose writing is over (a flush's run, a
    /// commit's chunks). Reading a batch through a buffer of them copies its references (a
    /// retain and a release each) at every call; a ``Reader`` holds only addresses.
    static func withReaders<R>(_ batches: UnsafeBufferPointer<InvertedBatch>, _ body: (UnsafeBufferPointer<Reader>) -> R) -> R {
        var readers: [Reader] = []
        readers.reserveCapacity(batches.count)
        func nest(_ b: Int) -> R {
            guard b < batches.count else { return readers.withUnsafeBufferPointer(body) }
            return batches[b].interner.withKeys { keys in
                readers.append(Reader(keys: keys, pool: batches[b].pool.reader))
                return nest(b + 1)
            }
        }
        return nest(0)
    }

    /// A batch's keys and postings streams through the addresses of its storage: valid while
    /// ``withReaders(_:_:)``'s closure runs, and while no one writes the batch.
    struct Reader {
        let keys: Interner.Keys
        fileprivate let pool: ByteSlicePool.Reader

        /// Bytes of `slot`'s pending postings.
        func byteCount(slot: Int) -> Int { Int(keys.value(slot).stream.length) }

        /// Appends `slot`'s postings stream to `out` as it is, as ``InvertedBatch/appendStream(slot:to:)``.
        func appendStream(slot: Int, to out: inout [UInt8]) {
            pool.append(keys.value(slot).stream, to: &out)
        }
    }
}
