import LoupeCodec

/// Collection statistics kept exact on every commit (`meta/stats`): what BM25 needs, and the
/// counters that assign ids.
///
/// Layout: u32 nextDocId, u32 nextTermId, u32 liveDocs, u32 deletedDocs, then u64 total length
/// per ``IndexField`` (live documents only), all little-endian.
public struct IndexStatistics: Sendable, Equatable {
    /// The id the next added document gets; ids only grow.
    public var nextDocId: UInt32 = 0
    /// The id the next new term gets.
    public var nextTermId: UInt32 = 0
    /// Documents that can be found (N in BM25).
    public var liveDocs: UInt32 = 0
    /// Tombstoned documents whose postings are still on disk, until compaction.
    public var deletedDocs: UInt32 = 0
    /// Total tokens per field over live documents, in ``IndexField`` raw-value order.
    public var totalLengths: [UInt64] = IndexField.allCases.map { _ in 0 }

    public init() {}

    /// Average field length over live documents (0 when there are none).
    public func averageLength(_ field: IndexField) -> Double {
        liveDocs == 0 ? 0 : Double(totalLengths[Int(field.rawValue)]) / Double(liveDocs)
    }

    func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.appendLE(nextDocId)
        out.appendLE(nextTermId)
        out.appendLE(liveDocs)
        out.appendLE(deletedDocs)
        for total in totalLengths { out.appendLE(total) }
        return out
    }

    init(decoding bytes: UnsafeRawBufferPointer) throws {
        var reader = ByteReader(bytes)
        nextDocId = try reader.u32()
        nextTermId = try reader.u32()
        liveDocs = try reader.u32()
        deletedDocs = try reader.u32()
        totalLengths = try IndexField.allCases.map { _ in try reader.u64() }
    }
}
