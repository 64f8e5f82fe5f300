/// What a commit writes for a run of terms in key order (a piece of a merge round, encoded on one
/// worker): for each term its key, the postings and positions chunks of its pending documents, and
/// the figures its ``TermInfo`` grows by.
///
/// The bytes of every term share one buffer. With three arrays per term, a worker allocated them
/// and the committing thread freed them, a few million allocations on a bulk load, each free taking
/// the lock of the worker's malloc arena while the workers allocated the next round.
struct EncodedTerms {
    /// One term's figures, and where its bytes end in ``bytes``: its key, then its postings, then
    /// its positions, right after the previous term's.
    private struct Entry {
        var keyEnd: Int
        var postingsEnd: Int
        var positionsEnd: Int
        var docCount: UInt32
        var totalTermFreq: UInt64
        var lastDoc: UInt32
    }

    /// One term, borrowed from the buffer: valid only inside ``forEach(_:)``'s body.
    struct Term {
        /// Field byte, then the term's UTF-8 bytes.
        var key: UnsafeRawBufferPointer
        var docCount: UInt32
        var totalTermFreq: UInt64
        /// The largest doc id of the chunk, which is part of its key.
        var lastDoc: UInt32
        var postings: UnsafeRawBufferPointer
        var positions: UnsafeRawBufferPointer
    }

    private var bytes: [UInt8] = []
    private var entries: [Entry] = []

    init() {}

    /// The number of terms.
    var count: Int { entries.count }

    /// The bytes the terms' keys and chunks take.
    var byteCount: Int { bytes.count }

    /// Appends a term: its key, the postings chunk `postings` appends to the buffer it is given,
    /// then the positions chunk `positions` appends.
    mutating func append(
        key: UnsafeRawBufferPointer, docCount: UInt32, totalTermFreq: UInt64, lastDoc: UInt32,
        postings: (inout [UInt8]) -> Void, positions: (inout [UInt8]) -> Void
    ) {
        bytes.append(contentsOf: key)
        let keyEnd = bytes.count
        postings(&bytes)
        let postingsEnd = bytes.count
        positions(&bytes)
        entries.append(Entry(
            keyEnd: keyEnd, postingsEnd: postingsEnd, positionsEnd: bytes.count, docCount: docCount, totalTermFreq: totalTermFreq,
            lastDoc: lastDoc))
    }

    /// Calls `body` with each term in order.
    func forEach(_ body: (Term) throws -> Void) rethrows {
        try bytes.withUnsafeBytes { raw in
            var start = 0
            for entry in entries {
                try body(Term(
                    key: UnsafeRawBufferPointer(rebasing: raw[start..<entry.keyEnd]), docCount: entry.docCount,
                    totalTermFreq: entry.totalTermFreq, lastDoc: entry.lastDoc,
                    postings: UnsafeRawBufferPointer(rebasing: raw[entry.keyEnd..<entry.postingsEnd]),
                    positions: UnsafeRawBufferPointer(rebasing: raw[entry.postingsEnd..<entry.positionsEnd])))
                start = entry.positionsEnd
            }
        }
    }
}
