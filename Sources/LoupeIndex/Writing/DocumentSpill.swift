import LoupeCodec

/// The pending documents of flushed batches, in batch-place order, as entries of a ``SpillFile``:
/// per document its encoded ``DocumentRecord`` and its text, which the commit packs into record
/// groups and document blocks as it would from memory. When the load's ``DocumentStaging`` holds,
/// the commit reads nothing back: the entries are kept for the commit that finds the stage
/// cancelled, which packs every block and record group itself.
///
/// One entry per document: varint record length, the record, then the text (UTF-8) to the end.
enum DocumentSpill {
    /// Appends the framed entry of a document to `out`; `scratch` is reused.
    static func append(record: DocumentRecord, text: String, to out: inout [UInt8], scratch: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        let encoded = record.encoded()
        VarInt.append(UInt32(encoded.count), to: &scratch)
        scratch.append(contentsOf: encoded)
        scratch.append(contentsOf: text.utf8)
        scratch.withUnsafeBytes { SpillReader.frame($0, into: &out) }
    }

    /// The record and the text of the entry `entry`.
    static func decode(_ entry: UnsafeRawBufferPointer) throws -> (record: DocumentRecord, text: String) {
        var length = 0, shift = 0, offset = 0
        while true {
            guard offset < entry.count, shift < 35 else { throw IndexError.corrupt("spill file: a document entry is cut short") }
            let byte = entry[offset]
            offset += 1
            length |= Int(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        guard length <= entry.count - offset else { throw IndexError.corrupt("spill file: a document record is cut short") }
        let record = try DocumentRecord(decoding: UnsafeRawBufferPointer(rebasing: entry[offset..<(offset + length)]))
        return (record, String(decoding: UnsafeRawBufferPointer(rebasing: entry[(offset + length)...]), as: UTF8.self))
    }
}
