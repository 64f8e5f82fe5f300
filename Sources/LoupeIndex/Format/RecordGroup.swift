import LoupeCodec

/// The records of up to 32 consecutive documents, compressed together, as one value of the
/// `records` table (key: the group number, `doc >> 5`, big-endian).
///
/// Doc ids are dense: every commit numbers its documents from the index's next doc id on, and
/// compaction renumbers from 0, so group `g` holds the records of docs `32g`, `32g + 1`, ... in
/// order, as many as exist yet (a later commit completes the last group). Deleted documents keep
/// their records until compaction.
///
/// Value layout: a ``CompressedValue`` whose raw payload is a varint count, then per record its
/// length as a varint and its bytes (``DocumentRecord``). A group is small (about 3 KiB raw) so
/// that reading one record costs a few microseconds, and ids and titles compress well in company.
struct RecordGroup {
    /// log2 of the records per group.
    static let shift: UInt32 = 5
    /// Records per group.
    static let capacity = 1 << Int(shift)

    /// The records' encoded bytes, in doc order from the group's first doc (slices of one decoded
    /// payload, so reading a group allocates once).
    private(set) var records: [ArraySlice<UInt8>]

    /// The table key of the group holding `doc`.
    static func key(of doc: UInt32) -> [UInt8] { IndexFormat.bigEndian(doc >> shift) }

    /// The slot of `doc` in its group.
    static func slot(of doc: UInt32) -> Int { Int(doc & UInt32(capacity - 1)) }

    /// A group of already encoded records.
    init(records: [[UInt8]]) {
        precondition(records.count <= Self.capacity, "a record group holds at most \(Self.capacity) records")
        self.records = records.map { $0[...] }
    }

    /// Decodes a stored group, with `decompressor` when given, else a context of its own.
    init(decoding value: UnsafeRawBufferPointer, decompressor: Zstd.Decompressor? = nil) throws {
        let payload = try CompressedValue.decode(value, decompressor: decompressor, what: "record group")
        let ranges = try payload.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            let count = Int(try reader.varint())
            guard count <= Self.capacity else { throw IndexError.corrupt("record group of \(count) records") }
            return try (0..<count).map { _ in
                let length = Int(try reader.varint())
                let start = reader.offset
                try reader.skip(length)
                return start..<start + length
            }
        }
        records = ranges.map { payload[$0] }
    }

    /// The record in `slot`, or nil when the group does not reach it.
    func record(at slot: Int) throws -> DocumentRecord? {
        guard slot < records.count else { return nil }
        return try records[slot].withUnsafeBytes { try DocumentRecord(decoding: $0) }
    }

    /// The id and title of the record in `slot` (the rest is not decoded), or nil when the
    /// group does not reach it.
    func heading(at slot: Int) throws -> (id: String, title: String)? {
        guard slot < records.count else { return nil }
        return try records[slot].withUnsafeBytes { try DocumentRecord.heading(decoding: $0) }
    }

    /// Appends a record after the last one.
    mutating func append(_ record: DocumentRecord) {
        append(encoded: record.encoded())
    }

    /// Appends a record, encoded (``DocumentRecord``), after the last one.
    mutating func append(encoded record: [UInt8]) {
        precondition(records.count < Self.capacity, "the record group is full")
        records.append(record[...])
    }

    /// Replaces the record in `slot`, which must exist.
    mutating func replace(at slot: Int, with record: DocumentRecord) {
        records[slot] = record.encoded()[...]
    }

    /// The stored value, compressed with `compressor` when given (a caller that encodes many groups
    /// keeps one), else with a context of its own: the same bytes either way.
    func encoded(compressor: Zstd.Compressor? = nil) -> [UInt8] {
        var raw: [UInt8] = []
        VarInt.append(UInt32(records.count), to: &raw)
        for record in records {
            VarInt.append(UInt32(record.count), to: &raw)
            raw += record
        }
        return CompressedValue.encode(raw, compressor: compressor)
    }
}
