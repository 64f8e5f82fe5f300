import LoupeStorage

/// The commit number: `meta/commit`, a u64 (little-endian) holding LMDB's transaction id of the
/// last commit that changed the index. LMDB numbers every write transaction one more than the last,
/// so the number only grows on the index that was written; it identifies a state of that index,
/// and snapshots taken of it (whose own LMDB count restarts) carry it along.
///
/// Every transaction that writes `meta/stats` stamps it. The key is optional, so older indexes
/// stay readable: opening one for writing stamps it once, and a reader of an unstamped index sees 0.
enum CommitNumber {
    static let key = Array("commit".utf8)

    /// Records `txn`'s id as the commit number.
    static func stamp(_ txn: borrowing WriteTransaction, meta: Database) throws {
        var value = txn.id.littleEndian
        try withUnsafeBytes(of: &value) { v in try key.withUnsafeBytes { k in try txn.put(meta, key: k, value: v) } }
    }

    /// The stored commit number, nil when the index has none yet.
    static func read(_ txn: borrowing WriteTransaction, meta: Database) throws -> UInt64? {
        try txn.get(meta, key: key).map(decode)
    }

    /// The commit number `snapshot` sees (0 when the index has none yet).
    static func read(_ snapshot: Snapshot, meta: Database) throws -> UInt64 {
        try snapshot.get(meta, key: key).map(decode) ?? 0
    }

    private static func decode(_ bytes: UnsafeRawBufferPointer) throws -> UInt64 {
        guard bytes.count == 8 else { throw IndexError.corrupt("meta/commit has \(bytes.count) bytes, expected 8") }
        return UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self))
    }
}

extension IndexReader {
    /// The commit this reader sees: the number of the last commit that changed the index (see
    /// ARCHITECTURE.md, "Commit number"); 0 for an index written before commits were numbered.
    public var commit: UInt64 {
        get throws { try CommitNumber.read(snapshot, meta: index.tables.meta) }
    }
}
