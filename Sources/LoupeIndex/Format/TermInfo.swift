import LoupeCodec

/// What the term dictionary stores for one (field, term): `terms` value, 16 bytes little-endian:
/// u32 term id, u32 document frequency (live documents), u64 total term frequency.
public struct TermInfo: Sendable, Equatable {
    /// Key prefix of the term's chunks in `postings` and `positions`.
    public var termId: UInt32
    /// Live documents containing the term in this field.
    public var docFreq: UInt32
    /// Occurrences in live documents.
    public var totalTermFreq: UInt64

    public init(termId: UInt32, docFreq: UInt32, totalTermFreq: UInt64) {
        self.termId = termId
        self.docFreq = docFreq
        self.totalTermFreq = totalTermFreq
    }

    func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16)
        out.appendLE(termId)
        out.appendLE(docFreq)
        out.appendLE(totalTermFreq)
        return out
    }

    init(decoding bytes: UnsafeRawBufferPointer) throws {
        var reader = ByteReader(bytes)
        termId = try reader.u32()
        docFreq = try reader.u32()
        totalTermFreq = try reader.u64()
    }
}
