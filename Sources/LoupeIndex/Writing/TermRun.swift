import LoupeCodec

/// A sorted run: the postings of one flushed batch, term by term in key order, as entries of a
/// ``SpillFile`` region; the commit merges the runs term by term (``TermRunMerge``).
///
/// One entry per term:
/// ```
/// varint key length, key (field byte, term bytes)
/// varint part count (≥ 1), then per part: varint byte length, the bytes of one worker's
///                          postings stream of the term, as its ``InvertedBatch`` holds it
/// ```
/// The streams' doc ids are batch places already, so a flush only copies them: it decodes
/// nothing. A term's parts are disjoint doc sets, each in doc order, that interleave; runs are
/// written in batch-place order, so a term's postings over several runs are the runs' merged
/// parts one run after the other. ``PostingsStreamDecoder`` reads them back in one pass.
enum TermRun {
    /// Appends the framed entry of the term whose slot in batch `b` is `slots[b]` (-1: not in
    /// that batch; one batch at least holds it) to `out`, reading the batches through `readers`.
    static func append(slots: UnsafeBufferPointer<Int32>, readers: UnsafeBufferPointer<InvertedBatch.Reader>, to out: inout [UInt8]) {
        let frame = SpillReader.beginFrame(in: &out)
        var parts: UInt32 = 0, holder = 0
        for b in slots.indices where slots[b] >= 0 {
            parts += 1
            holder = b
        }
        let key = readers[holder].keys.key(Int(slots[holder]))
        VarInt.append(UInt32(key.count), to: &out)
        out.append(contentsOf: key.assumingMemoryBound(to: UInt8.self))
        VarInt.append(parts, to: &out)
        for b in slots.indices where slots[b] >= 0 {
            VarInt.append(UInt32(readers[b].byteCount(slot: Int(slots[b]))), to: &out)
            readers[b].appendStream(slot: Int(slots[b]), to: &out)
        }
        SpillReader.endFrame(frame, in: &out)
    }

    /// The key of the entry `entry`, and where its postings (part count and parts) start.
    static func key(of entry: UnsafeRawBufferPointer) throws -> (key: UnsafeRawBufferPointer, postings: Int) {
        var reader = EntryReader(entry)
        let length = try reader.varint()
        guard length <= entry.count - reader.offset else { throw IndexError.corrupt("spill file: a term entry is cut short") }
        let key = UnsafeRawBufferPointer(rebasing: entry[reader.offset..<(reader.offset + length)])
        return (key, reader.offset + length)
    }

    /// Appends the postings of a term entry (the bytes after its key, ``key(of:)``), its parts
    /// merged in doc order, to `out`, whose docs must all be below them; `parts` is reused.
    static func decode(_ postings: UnsafeRawBufferPointer, into out: inout DecodedPostings, parts: inout [UnsafeRawBufferPointer]) throws {
        var reader = EntryReader(postings)
        let count = try reader.varint()
        guard count > 0 else { throw IndexError.corrupt("spill file: a term without postings") }
        parts.removeAll(keepingCapacity: true)
        for _ in 0..<count {
            let length = try reader.varint()
            guard length <= postings.count - reader.offset else { throw IndexError.corrupt("spill file: a postings stream cut short") }
            parts.append(UnsafeRawBufferPointer(rebasing: postings[reader.offset..<(reader.offset + length)]))
            reader.offset += length
        }
        guard reader.offset == postings.count else { throw IndexError.corrupt("spill file: bytes after a term's postings") }
        try parts.withUnsafeBufferPointer { try PostingsStreamDecoder.decode($0, into: &out) }
    }

    /// Reads varints from an entry, checking its bounds.
    private struct EntryReader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        mutating func varint() throws -> Int {
            var value = 0, shift = 0
            while true {
                guard offset < bytes.count, shift < 35 else { throw IndexError.corrupt("spill file: a varint is cut short") }
                let byte = bytes[offset]
                offset += 1
                value |= Int(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }
    }
}
