import LoupeCodec

/// Turns the pending postings of terms, held by one or more ``InvertedBatch``es, into their
/// chunks (``EncodedTerms``). Encoding depends only on the batches, so a commit runs several of these at once (one
/// per thread, each with its own scratch buffers) and keeps the transaction's reads and puts on
/// its own thread.
struct TermChunkEncoder {
    private var merged = DecodedPostings()
    /// The term's streams of the batches holding it, copied out of their pools one after the other.
    private var streams: [UInt8] = []
    private var streamRanges: [Range<Int>] = []
    private var parts: [UnsafeRawBufferPointer] = []
    /// The field length of each of `merged`'s documents; its count only grows.
    private var lengths: [UInt32] = []

    init() {}

    /// Encodes the term whose slot in batch `b` is `slots[b]` (-1: not in that batch), appending it
    /// to `out`.
    /// - Parameters:
    ///   - base: the doc id of batch place 0 in this commit.
    ///   - lengths: per field (raw-value order), the field length of each pending document by batch place.
    ///   - averageLengths: per field, the average length the block impacts are made tight for.
    mutating func encode(
        slots: UnsafeBufferPointer<Int32>, batches: UnsafeBufferPointer<InvertedBatch>, base: UInt32,
        lengths columns: [[UInt32]], averageLengths: [Double], into out: inout EncodedTerms
    ) {
        InvertedBatch.withReaders(batches) {
            encode(slots: slots, readers: $0, base: base, lengths: columns, averageLengths: averageLengths, into: &out)
        }
    }

    /// ``encode(slots:batches:base:lengths:averageLengths:into:)`` reading the batches through
    /// `readers` (``InvertedBatch/withReaders(_:_:)``), as a commit's workers do term after term.
    mutating func encode(
        slots: UnsafeBufferPointer<Int32>, readers: UnsafeBufferPointer<InvertedBatch.Reader>, base: UInt32,
        lengths columns: [[UInt32]], averageLengths: [Double], into out: inout EncodedTerms
    ) {
        merged.removeAll()
        streams.removeAll(keepingCapacity: true)
        streamRanges.removeAll(keepingCapacity: true)
        var holder = 0
        for b in slots.indices where slots[b] >= 0 {
            let start = streams.count
            readers[b].appendStream(slot: Int(slots[b]), to: &streams)
            streamRanges.append(start..<streams.count)
            holder = b
        }
        do {
            try streams.withUnsafeBytes { bytes in
                parts.removeAll(keepingCapacity: true)
                for range in streamRanges { parts.append(UnsafeRawBufferPointer(rebasing: bytes[range])) }
                try parts.withUnsafeBufferPointer { try PostingsStreamDecoder.decode($0, into: &merged) }
            }
            try encodeMerged(key: readers[holder].keys.key(Int(slots[holder])), base: base, lengths: columns, averageLengths: averageLengths, into: &out)
        } catch {
            preconditionFailure("TermChunkEncoder: a batch's postings stream is malformed (\(error))")
        }
    }

    /// Appends the run entry (``TermRun``) of the term whose slot in batch `b` is `slots[b]`
    /// (-1: not in that batch) to `out`: its postings streams as the batches hold them.
    func appendRunEntry(slots: UnsafeBufferPointer<Int32>, batches: UnsafeBufferPointer<InvertedBatch>, to out: inout [UInt8]) {
        InvertedBatch.withReaders(batches) { TermRun.append(slots: slots, readers: $0, to: &out) }
    }

    /// ``appendRunEntry(slots:batches:to:)`` reading the batches through `readers`.
    func appendRunEntry(slots: UnsafeBufferPointer<Int32>, readers: UnsafeBufferPointer<InvertedBatch.Reader>, to out: inout [UInt8]) {
        TermRun.append(slots: slots, readers: readers, to: &out)
    }

    /// Encodes the term `key` whose postings are the entries `parts` of flushed runs (``TermRun``),
    /// in run order, appending it to `out`: the same chunks as
    /// ``encode(slots:batches:base:lengths:averageLengths:into:)`` gives for the same postings held
    /// in memory. On a throw, `out` is as it was.
    mutating func encode(
        key: UnsafeRawBufferPointer, parts entries: some Sequence<UnsafeRawBufferPointer>, base: UInt32, lengths columns: [[UInt32]],
        averageLengths: [Double], into out: inout EncodedTerms
    ) throws {
        merged.removeAll()
        for entry in entries { try TermRun.decode(entry, into: &merged, parts: &parts) }
        try encodeMerged(key: key, base: base, lengths: columns, averageLengths: averageLengths, into: &out)
    }

    /// Encodes the postings gathered in `merged` (doc ids as batch places) for the term `key`,
    /// appending it to `out` unless it throws.
    private mutating func encodeMerged(
        key: UnsafeRawBufferPointer, base: UInt32, lengths columns: [[UInt32]], averageLengths: [Double], into out: inout EncodedTerms
    ) throws {
        guard let last = merged.lastDoc, let fieldByte = key.first else {
            throw IndexError.corrupt("spill file: a term without postings or key")
        }
        let field = Int(fieldByte)
        guard field < columns.count, field < averageLengths.count, Int(last) < columns[field].count else {
            throw IndexError.corrupt("spill file: postings of a document past the pending ones")
        }
        let count = merged.count
        if lengths.count < count { lengths = [UInt32](repeating: 0, count: max(count, 2 * lengths.count)) }
        var totalTermFreq: UInt64 = 0
        lengths.withUnsafeMutableBufferPointer { lengths in
            columns[field].withUnsafeBufferPointer { column in
                merged.withBuffers { docs, tfs, _, _ in
                    for i in 0..<count {
                        lengths[i] = column[Int(docs[i])]
                        totalTermFreq &+= UInt64(tfs[i])
                    }
                }
            }
        }
        merged.offsetDocs(by: base)
        lengths.withUnsafeBufferPointer { lengths in
            merged.withBuffers { docs, tfs, positionBytes, positionEnds in
                out.append(key: key, docCount: UInt32(count), totalTermFreq: totalTermFreq, lastDoc: docs[count - 1]) {
                    PostingsChunkEncoder.append(
                        docs: docs, tfs: tfs, lengths: UnsafeBufferPointer(rebasing: lengths[..<count]), averageLength: averageLengths[field],
                        to: &$0)
                } positions: {
                    PositionsChunkEncoder.append(bytes: positionBytes, docEnds: positionEnds, to: &$0)
                }
            }
        }
    }
}
