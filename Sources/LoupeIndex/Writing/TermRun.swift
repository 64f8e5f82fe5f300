import LoupeCodec

/// A sorted run: the postings of one flushed batch, term by term in key order, as entries of a
/// ``SpillFile`` region; the commit merges the runs term by term (``TermRunMerge``).
///
/// One entry per term:
/// ```
/// varint key length, key (field byte, term bytes)
/// varint docCount, then per document: varint doc (batch place; the first absolute, then gaps),
///                  varint tf, varint byte length of the positions, positions (varints: the
///                  first absolute, then gaps; the form of DecodedPostings)
/// ```
/// Runs are written in batch-place order and a term's documents in a run are in order, so a
/// term's postings over several runs are the runs' lists one after the other.
enum TermRun {
    /// Appends the framed entry of the term `key` with `postings` to `out`; `scratch` is reused.
    static func append(key: UnsafeRawBufferPointer, postings: DecodedPostings, to out: inout [UInt8], scratch: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        VarInt.append(UInt32(key.count), to: &scratch)
        scratch.append(contentsOf: key)
        VarInt.append(UInt32(postings.docs.count), to: &scratch)
        var previous: UInt32 = 0
        var positionsStart = 0
        for i in postings.docs.indices {
            VarInt.append(postings.docs[i] &- previous, to: &scratch)
            previous = postings.docs[i]
            VarInt.append(postings.tfs[i], to: &scratch)
            let positionsEnd = Int(postings.positionEnds[i])
            VarInt.append(UInt32(positionsEnd - positionsStart), to: &scratch)
            scratch.append(contentsOf: postings.positionBytes[positionsStart..<positionsEnd])
            positionsStart = positionsEnd
        }
        scratch.withUnsafeBytes { SpillReader.frame($0, into: &out) }
    }

    /// The key of the entry `entry`, and where its postings start.
    static func key(of entry: UnsafeRawBufferPointer) throws -> (key: UnsafeRawBufferPointer, postings: Int) {
        var reader = EntryReader(entry)
        let length = try reader.varint()
        guard length <= entry.count - reader.offset else { throw IndexError.corrupt("spill file: a term entry is cut short") }
        let key = UnsafeRawBufferPointer(rebasing: entry[reader.offset..<(reader.offset + length)])
        return (key, reader.offset + length)
    }

    /// Appends the postings of a term entry (the bytes after its key, ``key(of:)``) to `out`.
    static func decode(_ postings: UnsafeRawBufferPointer, into out: inout DecodedPostings) throws {
        var reader = EntryReader(postings)
        let count = try reader.varint()
        var doc: UInt32 = 0
        for i in 0..<count {
            let gap = UInt32(try reader.varint())
            doc = i == 0 ? gap : doc &+ gap
            out.docs.append(doc)
            out.tfs.append(UInt32(try reader.varint()))
            let length = try reader.varint()
            guard length <= postings.count - reader.offset else { throw IndexError.corrupt("spill file: positions cut short") }
            out.positionBytes.append(contentsOf: postings[reader.offset..<(reader.offset + length)])
            reader.offset += length
            out.positionEnds.append(UInt32(out.positionBytes.count))
        }
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
