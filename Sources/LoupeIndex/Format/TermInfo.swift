import LoupeCodec

/// What the term dictionary stores for one (field, term).
///
/// `terms` value: varint term id, varint document frequency (live documents), varint total term
/// frequency (3 bytes for most terms; fixed integers took 16), optionally followed by the term's
/// only postings chunk and its positions chunk, inlined: varint postings length, the postings
/// chunk, then the positions chunk (the rest). Rare terms (a short chunk written in one commit) live inline, so they cost
/// no entries in `postings` and `positions`; a term's chunks move out when another commit adds
/// to it.
public struct TermInfo: @unchecked Sendable, Equatable {
    /// Key prefix of the term's chunks in `postings` and `positions`.
    public var termId: UInt32
    /// Live documents containing the term in this field.
    public var docFreq: UInt32
    /// Occurrences in live documents.
    public var totalTermFreq: UInt64
    /// The inlined postings and positions chunks, borrowed from the map (valid while the
    /// transaction or reader that read them lives), or nil.
    public var inline: (postings: UnsafeRawBufferPointer, positions: UnsafeRawBufferPointer)?

    public init(termId: UInt32, docFreq: UInt32, totalTermFreq: UInt64) {
        self.termId = termId
        self.docFreq = docFreq
        self.totalTermFreq = totalTermFreq
    }

    public static func == (a: TermInfo, b: TermInfo) -> Bool {
        a.termId == b.termId && a.docFreq == b.docFreq && a.totalTermFreq == b.totalTermFreq
            && a.inline.map { Array($0.postings) + Array($0.positions) } == b.inline.map { Array($0.postings) + Array($0.positions) }
    }

    /// The value bytes; `inline` chunks (if any) are copied in.
    func encoded() -> [UInt8] {
        var out: [UInt8] = []
        encode(inlinePostings: inline?.postings, inlinePositions: inline?.positions, into: &out)
        return out
    }

    /// The value bytes with the given chunks inlined (or none).
    func encoded(inlinePostings: [UInt8]?, inlinePositions: [UInt8]?) -> [UInt8] {
        var out: [UInt8] = []
        guard let inlinePostings, let inlinePositions else {
            encode(inlinePostings: nil, inlinePositions: nil, into: &out)
            return out
        }
        inlinePostings.withUnsafeBytes { postings in
            inlinePositions.withUnsafeBytes { encode(inlinePostings: postings, inlinePositions: $0, into: &out) }
        }
        return out
    }

    /// Replaces the contents of `out` with the value bytes, the given chunks inlined when both
    /// are given: a writer putting many terms reuses one buffer.
    func encode(inlinePostings: UnsafeRawBufferPointer?, inlinePositions: UnsafeRawBufferPointer?, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        VarInt.append(termId, to: &out)
        VarInt.append(docFreq, to: &out)
        VarInt.append64(totalTermFreq, to: &out)
        if let inlinePostings, let inlinePositions {
            VarInt.append(UInt32(inlinePostings.count), to: &out)
            out.append(contentsOf: inlinePostings)
            out.append(contentsOf: inlinePositions)
        }
    }

    init(decoding bytes: UnsafeRawBufferPointer) throws {
        var reader = ByteReader(bytes)
        termId = try Self.u32(&reader, "term id")
        docFreq = try Self.u32(&reader, "document frequency")
        totalTermFreq = try reader.varint()
        if !reader.isAtEnd {
            let length = Int(try reader.varint())
            let start = reader.offset
            guard start + length <= bytes.count else { throw IndexError.corrupt("inline postings of term \(termId) overrun") }
            inline = (
                UnsafeRawBufferPointer(rebasing: bytes[start..<start + length]),
                UnsafeRawBufferPointer(rebasing: bytes[(start + length)...])
            )
        }
    }

    /// The document frequency of an encoded entry, without decoding the rest (the term
    /// dictionary reads only this).
    static func docFreq(decoding bytes: UnsafeRawBufferPointer) throws -> UInt32 {
        var reader = ByteReader(bytes)
        _ = try u32(&reader, "term id")
        return try u32(&reader, "document frequency")
    }

    private static func u32(_ reader: inout ByteReader, _ what: String) throws -> UInt32 {
        let value = try reader.varint()
        guard value <= UInt64(UInt32.max) else { throw IndexError.corrupt("term entry's \(what) \(value) out of range") }
        return UInt32(value)
    }
}

