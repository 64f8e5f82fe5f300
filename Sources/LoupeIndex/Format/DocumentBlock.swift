import LoupeCodec

/// A block of documents' indexed texts in the `docstore` table, compressed together (texts
/// compress far better in company than alone). Their records live apart, in small groups in the
/// `records` table (``RecordGroup``), so that listing hits decompresses a few KiB, not a block.
///
/// Value layout: a ``CompressedValue`` whose raw payload is a varint count, then per document the
/// varint doc-id gap (the first absolute), the varint text length and the UTF-8 text. Doc ids
/// increase within a block and from block to block; compaction drops deleted documents, so they
/// need not be consecutive. The key is the block's last doc id, big-endian, so a cursor seek to a
/// doc id finds the only block that can hold it. ``DocumentBlockPacker`` decides which documents
/// share a block; any grouping reads back.
struct DocumentBlock {
    /// The documents' ids, increasing.
    let docs: [UInt32]
    private let payload: [UInt8]
    private let texts: [Range<Int>]

    /// The last doc id in the block.
    var lastDoc: UInt32 { docs.last ?? 0 }

    /// The bytes a document adds to a block's raw payload: its text and at most two 5-byte
    /// varints (an estimate's upper bound; the exact size is the encoding's).
    static func rawSize(of text: String) -> Int { text.utf8.count + 10 }

    /// Encodes documents' texts in increasing doc-id order, compressing with `compressor`.
    static func encode(_ documents: ArraySlice<(doc: UInt32, text: String)>, compressor: Zstd.Compressor) -> [UInt8] {
        var raw: [UInt8] = []
        raw.reserveCapacity(documents.reduce(5) { $0 + rawSize(of: $1.text) })
        VarInt.append(UInt32(documents.count), to: &raw)
        var previous: UInt32 = 0
        for (i, (doc, text)) in documents.enumerated() {
            VarInt.append(i == 0 ? doc : doc - previous, to: &raw)
            previous = doc
            raw.appendString(text)
        }
        return CompressedValue.encode(raw, compressor: compressor)
    }

    /// Decodes a stored block (copies it out of the map, decompressed), with `decompressor` when
    /// given (a caller that reads many blocks keeps one), else a context of its own.
    init(decoding value: UnsafeRawBufferPointer, decompressor: Zstd.Decompressor? = nil) throws {
        payload = try CompressedValue.decode(value, decompressor: decompressor, what: "document block")
        var texts: [Range<Int>] = []
        var docs: [UInt32] = []
        try payload.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            let count = Int(try reader.varint())
            var doc: UInt64 = 0
            for i in 0..<count {
                let gap = try reader.varint()
                guard i == 0 || gap > 0 else { throw IndexError.corrupt("document block doc ids do not increase") }
                doc = i == 0 ? gap : doc + gap
                guard doc < UInt64(UInt32.max) else { throw IndexError.corrupt("document block doc id out of range") }
                docs.append(UInt32(doc))
                let textLength = Int(try reader.varint())
                let textStart = reader.offset
                guard textStart + textLength <= raw.count else { throw IndexError.corrupt("document block overruns") }
                try reader.skip(textLength)
                texts.append(textStart..<textStart + textLength)
            }
        }
        self.docs = docs
        self.texts = texts
    }

    /// The position of `doc` in the block, or nil.
    private func index(of doc: UInt32) -> Int? {
        var low = 0, high = docs.count
        while low < high {
            let mid = (low + high) / 2
            if docs[mid] < doc { low = mid + 1 } else { high = mid }
        }
        return low < docs.count && docs[low] == doc ? low : nil
    }

    /// True when `doc` is in this block.
    func contains(_ doc: UInt32) -> Bool { index(of: doc) != nil }

    /// The indexed text of `doc`, or nil when it is not in the block.
    func text(_ doc: UInt32) -> String? {
        guard let i = index(of: doc) else { return nil }
        return text(at: i)
    }

    /// The text of the `i`th document of the block.
    func text(at i: Int) -> String {
        payload.withUnsafeBytes { String(decoding: UnsafeRawBufferPointer(rebasing: $0[texts[i]]), as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 text of `doc`, in place (valid only during the call); nil
    /// when `doc` is not in the block.
    func withText<Result>(_ doc: UInt32, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result? {
        guard let i = index(of: doc) else { return nil }
        return try payload.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[texts[i]])) }
    }
}
