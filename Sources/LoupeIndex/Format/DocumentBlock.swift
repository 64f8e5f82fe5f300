import LoupeCodec

/// A block of consecutive documents in the `docstore` table: their records and indexed texts,
/// compressed together (documents compress far better in company than alone).
///
/// Value layout: u8 codec (0 stored, 1 zstd), varint size of the raw payload, then the payload,
/// compressed or not. Raw payload: varint first doc id, varint count, then per document varint
/// record length, the ``DocumentRecord`` bytes, varint text length, the UTF-8 text.
/// The key is the block's last doc id, big-endian, so a cursor seek to a doc id finds its block.
struct DocumentBlock {
    /// Raw payload bytes a block aims for before it is closed.
    static let targetSize = 16 << 10

    let firstDoc: UInt32
    private let payload: [UInt8]
    private let records: [Range<Int>]
    private let texts: [Range<Int>]

    /// The number of documents in the block.
    var count: Int { records.count }
    /// The last doc id in the block.
    var lastDoc: UInt32 { firstDoc + UInt32(count) - 1 }

    /// Encodes consecutive documents starting at `firstDoc`.
    static func encode(firstDoc: UInt32, _ documents: [(record: DocumentRecord, text: String)]) -> [UInt8] {
        var raw: [UInt8] = []
        VarInt.append(firstDoc, to: &raw)
        VarInt.append(UInt32(documents.count), to: &raw)
        for (record, text) in documents {
            let bytes = record.encoded()
            VarInt.append(UInt32(bytes.count), to: &raw)
            raw += bytes
            raw.appendString(text)
        }
        var out: [UInt8] = []
        let compressed = raw.withUnsafeBytes { Zstd.compress($0) }
        let useCompressed = compressed.count < raw.count
        out.append(useCompressed ? 1 : 0)
        VarInt.append(UInt32(raw.count), to: &out)
        out += useCompressed ? compressed : raw
        return out
    }

    /// Decodes a stored block (copies it out of the map, decompressed).
    init(decoding value: UnsafeRawBufferPointer) throws {
        var header = ByteReader(value)
        let codec = try header.u8()
        let size = Int(try header.varint())
        let body = UnsafeRawBufferPointer(rebasing: value[header.offset...])
        switch codec {
        case 0: payload = Array(body)
        case 1: payload = try Zstd.decompress(body, size: size)
        default: throw IndexError.corrupt("document block codec \(codec)")
        }
        guard payload.count == size else { throw IndexError.corrupt("document block of \(payload.count) bytes, expected \(size)") }
        var records: [Range<Int>] = []
        var texts: [Range<Int>] = []
        var first: UInt32 = 0
        try payload.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            first = UInt32(try reader.varint())
            let count = Int(try reader.varint())
            for _ in 0..<count {
                let recordLength = Int(try reader.varint())
                let recordStart = reader.offset
                guard recordStart + recordLength <= raw.count else { throw IndexError.corrupt("document block overruns") }
                try reader.skip(recordLength)
                let textLength = Int(try reader.varint())
                let textStart = reader.offset
                guard textStart + textLength <= raw.count else { throw IndexError.corrupt("document block overruns") }
                try reader.skip(textLength)
                records.append(recordStart..<recordStart + recordLength)
                texts.append(textStart..<textStart + textLength)
            }
        }
        firstDoc = first
        self.records = records
        self.texts = texts
    }

    /// True when `doc` is in this block.
    func contains(_ doc: UInt32) -> Bool { doc >= firstDoc && doc - firstDoc < UInt32(count) }

    /// The record of `doc` (which must be in the block).
    func record(_ doc: UInt32) throws -> DocumentRecord {
        try payload.withUnsafeBytes { try DocumentRecord(decoding: UnsafeRawBufferPointer(rebasing: $0[records[Int(doc - firstDoc)]])) }
    }

    /// The indexed text of `doc` (which must be in the block).
    func text(_ doc: UInt32) -> String {
        payload.withUnsafeBytes { String(decoding: UnsafeRawBufferPointer(rebasing: $0[texts[Int(doc - firstDoc)]]), as: UTF8.self) }
    }

    /// Every document of the block, in doc order.
    func documents() throws -> [(doc: UInt32, record: DocumentRecord, text: String)] {
        try (0..<count).map { i in
            let doc = firstDoc + UInt32(i)
            return (doc, try record(doc), text(doc))
        }
    }
}
