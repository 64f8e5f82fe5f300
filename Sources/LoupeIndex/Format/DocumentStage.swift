import LoupeStorage

/// `meta/stage`: the claim of a bulk load on the doc ids from `base` on, whose document blocks and
/// record groups it writes ahead of its commit (``DocumentStaging``). Layout: u64 owner token,
/// u32 base (little-endian).
///
/// Entries of `docstore` keyed at or beyond the committed `nextDocId`, and record groups whose first
/// doc id is at or beyond it, are never part of the index: readers never reach them (a block is
/// found by seeking its document's id, and the committed blocks end at `nextDocId - 1`), and
/// `loupe check` counts them apart. A load's staged entries are such entries until its commit
/// moves `nextDocId` past them. Any commit that takes doc ids deletes the stage key (cancelling a
/// stage it does not own) and the stray blocks in the range it takes, so ids are never served from
/// two writers' entries; compaction clears both.
struct DocumentStage: Equatable {
    /// The owning writer's random token.
    var token: UInt64
    /// The doc id of the load's first document (`nextDocId` when it staged its first block).
    var base: UInt32

    static let key = Array("stage".utf8)

    func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(12)
        out.appendLE(token)
        out.appendLE(base)
        return out
    }

    init(token: UInt64, base: UInt32) {
        self.token = token
        self.base = base
    }

    init(decoding bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count == 12 else { throw IndexError.corrupt("meta/stage has \(bytes.count) bytes, expected 12") }
        token = UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self))
        base = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
    }

    /// The stage recorded in the index `txn` writes, if any.
    static func read(_ txn: borrowing WriteTransaction, meta: Database) throws -> DocumentStage? {
        try txn.get(meta, key: key).map { try DocumentStage(decoding: $0) }
    }

    /// Deletes every `docstore` entry keyed in `docs`: stray blocks in a range a commit is about to
    /// take (its own blocks there would otherwise sit beside them).
    static func deleteStrayBlocks(in docs: Range<UInt32>, docstore: Database, _ txn: borrowing WriteTransaction) throws {
        guard !docs.isEmpty else { return }
        try deleteKeys(from: IndexFormat.docKey(docs.lowerBound), below: docs.upperBound, in: docstore, txn)
    }

    /// Deletes every record group whose first doc id lies in `docs`.
    static func deleteStrayGroups(in docs: Range<UInt32>, records: Database, _ txn: borrowing WriteTransaction) throws {
        let rounding = UInt64(RecordGroup.capacity - 1), shift = UInt64(RecordGroup.shift)
        let firstGroup = UInt32((UInt64(docs.lowerBound) + rounding) >> shift)
        let groupEnd = UInt32((UInt64(docs.upperBound) + rounding) >> shift)
        guard firstGroup < groupEnd else { return }
        try deleteKeys(from: IndexFormat.bigEndian(firstGroup), below: groupEnd, in: records, txn)
    }

    /// Deletes the entries from `start` on whose big-endian u32 key is below `end`.
    private static func deleteKeys(from start: [UInt8], below end: UInt32, in table: Database, _ txn: borrowing WriteTransaction) throws {
        try txn.withCursor(table) { cursor in
            var entry = try cursor.seek(atOrAfter: start)
            while let e = entry, IndexFormat.readBigEndian(e.key) < end {
                try cursor.deleteCurrent()
                entry = try cursor.seek(atOrAfter: start)
            }
        }
    }
}
