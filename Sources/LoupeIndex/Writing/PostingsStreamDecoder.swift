import LoupeCodec

/// Decodes postings streams in the form an ``InvertedBatch`` builds them, and a flushed run
/// (``TermRun``) keeps them, into ``DecodedPostings``: in one pass, a term's streams of several
/// workers merged in doc order.
///
/// A stream holds, per document: the varint doc-id gap (the first one absolute: a batch place),
/// the positions as varints (the first as position + 1, the others as gaps), and a 0 byte. A
/// document's positions after the first are already in ``DecodedPostings``'s form, so they are
/// copied as they are; its tf is the number of varints, counted on the way.
///
/// Streams read back from a spill file may be damaged: every read is bounded, and anything a
/// batch cannot have written (a stream not ending its last document, a doc id that does not grow,
/// a document without positions, a varint cut by the end of its document) throws
/// ``IndexError/corrupt(_:)``, so the encoders only ever see well-formed postings.
enum PostingsStreamDecoder {
    /// Appends the union of `streams` (disjoint doc sets, each stream in doc order) to `out` in doc
    /// order; every doc must be above the last one already in `out`.
    ///
    /// The workers invert runs of consecutive documents (``IndexWriter/inversionChunk``), so a
    /// stream's documents come in runs below the other streams' next doc: each run is decoded in
    /// one go.
    ///
    /// Room is made in `out` once, for as many documents and position bytes as the streams'
    /// bytes can hold: a document takes at least 3 bytes (its doc-id gap, its first position,
    /// its 0 byte), and its positions are written in no more bytes than they take in the stream
    /// (the first one, rewritten, takes at most the bytes it was read from).
    static func decode(_ streams: UnsafeBufferPointer<UnsafeRawBufferPointer>, into out: inout DecodedPostings) throws {
        var bytes = 0
        for stream in streams { bytes += stream.count }
        try out.write(documents: bytes / 3 + 1, positionBytes: bytes + 5) { writer in
            if streams.count == 1 {
                var cursor = try Cursor(streams[0])
                while cursor.hasDocument { try cursor.take(into: &writer) }
                return
            }
            try decode(streams, into: &writer)
        }
    }

    /// ``decode(_:into:)`` for two streams or more.
    private static func decode(_ streams: UnsafeBufferPointer<UnsafeRawBufferPointer>, into out: inout DecodedPostings.Writer) throws {
        var cursors: [Cursor] = []
        cursors.reserveCapacity(streams.count)
        for stream in streams { cursors.append(try Cursor(stream)) }
        try cursors.withUnsafeMutableBufferPointer { cursors in
            while true {
                var best = -1
                var bestDoc = UInt32.max, othersDoc = UInt32.max
                for c in cursors.indices where cursors[c].hasDocument {
                    let doc = cursors[c].doc
                    if best < 0 || doc < bestDoc {
                        if best >= 0 { othersDoc = bestDoc }
                        best = c
                        bestDoc = doc
                    } else {
                        othersDoc = min(othersDoc, doc)
                    }
                }
                guard best >= 0 else { return }
                repeat {
                    try cursors[best].take(into: &out)
                } while cursors[best].hasDocument && cursors[best].doc < othersDoc
            }
        }
    }

    /// A position in one stream: just past a document's doc-id gap, with that doc decoded.
    private struct Cursor {
        private var p: UnsafePointer<UInt8>
        private let end: UnsafePointer<UInt8>
        /// The next document, valid while ``hasDocument``.
        private(set) var doc: UInt32 = 0
        private(set) var hasDocument = true

        /// Opens `stream`.
        init(_ stream: UnsafeRawBufferPointer) throws {
            // The last byte ends a document: with it, no varint read below can run past the end.
            guard let base = stream.baseAddress, !stream.isEmpty, stream[stream.count - 1] == 0 else {
                throw IndexError.corrupt("spill file: a postings stream does not end its last document")
            }
            p = base.assumingMemoryBound(to: UInt8.self)
            end = p + stream.count
            doc = VarInt.decode(&p)
        }

        /// Appends the current document to `out` and moves to the next one.
        @inline(__always)
        mutating func take(into out: inout DecodedPostings.Writer) throws {
            guard out.accepts(doc) else { throw IndexError.corrupt("spill file: doc ids out of order") }
            guard p < end else { throw IndexError.corrupt("spill file: a document without positions") }
            let first = VarInt.decode(&p)
            guard first > 0, p < end else { throw IndexError.corrupt("spill file: a document without positions") }
            // The room for the document's positions, the rest of the stream at most; never short (see
            // `decode`): a guard on memory safety, not on the input.
            guard out.hasRoom(bytes: 5 + (end - p)) else { throw IndexError.corrupt("spill file: more postings than bytes") }
            out.appendVarInt(first &- 1)
            let rest = p
            let tf = 1 &+ out.copyPositions(&p)
            guard p == rest || p[-1] < 0x80 else { throw IndexError.corrupt("spill file: positions cut short") }
            out.endDocument(doc, tf: tf)
            p += 1
            guard p < end else {
                hasDocument = false
                return
            }
            let (sum, overflow) = doc.addingReportingOverflow(VarInt.decode(&p))
            guard !overflow else { throw IndexError.corrupt("spill file: a doc id past the last") }
            doc = sum
        }
    }
}
