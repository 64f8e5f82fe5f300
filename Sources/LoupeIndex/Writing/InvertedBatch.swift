import LoupeAnalysis
import LoupeCodec

/// The in-memory inverted index of the documents one worker added since the last commit.
///
/// Each term (a slot of the ``TermInterner``) has one growing byte buffer holding, for every
/// document: the varint doc-id gap, then the positions as varints — the first as position + 1,
/// the others as gaps (≥ 1) — and a 0 byte that ends the document. Tokens are appended as the
/// analyzer produces them, so inverting a document needs no sorting; one buffer per term keeps
/// the overhead of the (mostly rare) terms small.
struct InvertedBatch {
    private(set) var interner = TermInterner()
    private var buffers: [[UInt8]] = []
    private var lastDocs: [UInt32] = []
    private var lastPositions: [UInt32] = []
    private var touched: [Int] = []
    /// Bytes held, for the memory budget.
    private(set) var memoryBytes = 0
    /// Postings added.
    private(set) var postings = 0

    /// Adds `text` as `field` of `doc`; returns the number of tokens indexed.
    mutating func invert(_ text: String, field: IndexField, doc: UInt32, analyzer: Analyzer) -> UInt32 {
        touched.removeAll(keepingCapacity: true)
        var count: UInt32 = 0
        let before = interner.memoryBytes
        analyzer.analyze(text) { term, position, _ in
            let slot = interner.intern(field: field.rawValue, term: term)
            if slot == buffers.count {
                buffers.append([])
                lastDocs.append(.max)
                lastPositions.append(0)
                memoryBytes += 64
            }
            if lastDocs[slot] != doc {
                let gap = lastDocs[slot] == .max ? doc : doc &- lastDocs[slot]
                VarInt.append(gap, to: &buffers[slot])
                VarInt.append(position &+ 1, to: &buffers[slot])
                lastDocs[slot] = doc
                touched.append(slot)
                memoryBytes += 4
            } else {
                VarInt.append(position &- lastPositions[slot], to: &buffers[slot])
                memoryBytes += 2
            }
            lastPositions[slot] = position
            count += 1
        }
        for slot in touched { buffers[slot].append(0) }
        postings += touched.count
        memoryBytes += interner.memoryBytes - before
        return count
    }

    /// Bytes of `slot`'s pending postings: a measure of the work of encoding them.
    func byteCount(slot: Int) -> Int { buffers[slot].count }

    /// Appends `slot`'s postings to `out` in the form the chunk encoders take.
    func decode(slot: Int, into out: inout DecodedPostings) {
        buffers[slot].withUnsafeBufferPointer { buffer in
            guard var p = buffer.baseAddress else { return }
            let end = p + buffer.count
            var doc: UInt32 = 0
            var first = true
            while p < end {
                let gap = VarInt.decode(&p)
                doc = first ? gap : doc &+ gap
                first = false
                out.docs.append(doc)
                VarInt.append(VarInt.decode(&p) &- 1, to: &out.positionBytes)
                var tf: UInt32 = 1
                let rest = p
                while p.pointee != 0 {
                    _ = VarInt.decode(&p)
                    tf += 1
                }
                out.positionBytes.append(contentsOf: UnsafeBufferPointer(start: rest, count: p - rest))
                p += 1
                out.tfs.append(tf)
                out.positionEnds.append(UInt32(out.positionBytes.count))
            }
        }
    }
}
