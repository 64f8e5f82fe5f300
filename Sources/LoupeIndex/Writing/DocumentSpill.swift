import LoupeCodec

/// The pending documents of flushed batches, as entries of two ``SpillFile``s of
/// ``SpilledBatches``, both in batch-place order: their records in one, their texts in the other.
/// Only a commit that finds the load's ``DocumentStaging`` cancelled reads them back, and packs
/// every block and record group itself; while the stage stands the commit reads nothing.
///
/// A records entry is one document's encoded ``DocumentRecord``. A texts entry is a tag byte and
/// then either one document's text (UTF-8, tag 0: the documents of a flush whose stage was given
/// up) or the value of a document block the stage wrote into the index (tag 1): the staged texts
/// are spilled compressed as they were staged, not again as text (on the bench corpus, 82 MB of
/// blocks against 217 MB of text written to the file, at about 2 ms of kernel time per MB copied
/// into the page cache).
enum DocumentSpill {
    /// The tag of a texts entry.
    private enum Tag: UInt8 {
        case text = 0
        case block = 1
    }

    /// Appends the records entry of `record` to `out`.
    static func appendRecord(_ record: DocumentRecord, to out: inout [UInt8]) {
        let start = SpillReader.beginFrame(in: &out)
        out.append(contentsOf: record.encoded())
        SpillReader.endFrame(start, in: &out)
    }

    /// The record of the records entry `entry`.
    static func record(_ entry: UnsafeRawBufferPointer) throws -> DocumentRecord {
        try DocumentRecord(decoding: entry)
    }

    /// Appends the texts entry of one document's text to `out`.
    static func appendText(_ text: String, to out: inout [UInt8]) {
        let start = SpillReader.beginFrame(in: &out)
        out.append(Tag.text.rawValue)
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
        SpillReader.endFrame(start, in: &out)
    }

    /// Appends the texts entry of a staged document block's value (``DocumentBlock``) to `out`.
    static func appendBlock(_ value: [UInt8], to out: inout [UInt8]) {
        let start = SpillReader.beginFrame(in: &out)
        out.append(Tag.block.rawValue)
        out.append(contentsOf: value)
        SpillReader.endFrame(start, in: &out)
    }

    /// The texts the texts entry `entry` holds, in doc order; `decompressor` decodes blocks.
    static func texts(_ entry: UnsafeRawBufferPointer, decompressor: Zstd.Decompressor) throws -> [String] {
        guard let tag = entry.first.flatMap(Tag.init(rawValue:)) else { throw IndexError.corrupt("spill file: a text entry has no known tag") }
        let payload = UnsafeRawBufferPointer(rebasing: entry.dropFirst())
        switch tag {
        case .text:
            return [String(decoding: payload, as: UTF8.self)]
        case .block:
            let block = try DocumentBlock(decoding: payload, decompressor: decompressor)
            return block.docs.indices.map { block.text(at: $0) }
        }
    }
}
