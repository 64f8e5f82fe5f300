import LoupeCodec
import LoupeStorage

/// The last few document-store blocks compaction decoded, so that reading documents in an order
/// that interleaves a few runs of increasing old doc ids (the original documents, and the
/// re-indexed ones appended later) decompresses each block about once.
struct DocumentBlockCache {
    private let reader: IndexReader
    private var blocks: [DocumentBlock] = []
    private var next = 0
    private let decompressor = Zstd.Decompressor()
    private static let capacity = 8

    init(reader: IndexReader) { self.reader = reader }

    /// The block of the reader's snapshot that holds `doc`.
    /// - Throws: ``IndexError/corrupt(_:)`` when no block holds it.
    mutating func block(containing doc: UInt32) throws -> DocumentBlock {
        if let cached = blocks.first(where: { $0.contains(doc) }) { return cached }
        let found: DocumentBlock? = try reader.snapshot.withCursor(reader.index.tables.docstore) { cursor in
            guard let entry = try cursor.seek(atOrAfter: IndexFormat.docKey(doc)) else { return nil }
            return try DocumentBlock(decoding: entry.value, decompressor: decompressor)
        }
        guard let block = found, block.contains(doc) else { throw IndexError.corrupt("docstore: no block holds doc id \(doc)") }
        if blocks.count < Self.capacity {
            blocks.append(block)
        } else {
            blocks[next] = block
            next = (next + 1) % Self.capacity
        }
        return block
    }
}
