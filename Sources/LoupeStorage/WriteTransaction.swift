import CLMDB

/// The environment's single write transaction, alive only inside ``Environment/write(_:)``.
///
/// It cannot be copied or escape its closure. Reads inside it see its own uncommitted writes.
/// Buffers returned by ``get(_:key:)`` point into LMDB pages and stay valid until the next write in
/// this transaction or its end.
public struct WriteTransaction: ~Copyable {
    let handle: OpaquePointer

    init(handle: OpaquePointer) { self.handle = handle }

    deinit { mdb_txn_abort(handle) }

    /// LMDB's id of this transaction: one more than the last committed one's, so it numbers the
    /// commit this transaction will be (``Environment/lastCommitId`` once it is committed).
    public var id: UInt64 { UInt64(mdb_txn_id(handle)) }

    consuming func commit() throws(StorageError) {
        let rc = mdb_txn_commit(handle)
        discard self
        try check(rc, "mdb_txn_commit")
    }

    /// The value stored under `key`, borrowed from the map (no copy), or nil.
    public func get(_ db: Database, key: UnsafeRawBufferPointer) throws(StorageError) -> UnsafeRawBufferPointer? {
        try Operations.get(handle, db, key)
    }

    /// The value stored under `key`, borrowed from the map (no copy), or nil.
    public func get(_ db: Database, key: [UInt8]) throws -> UnsafeRawBufferPointer? {
        try key.withUnsafeBytes { k in try Operations.get(handle, db, k) }
    }

    /// Stores `value` under `key`, replacing any value unless `flags` say otherwise.
    public func put(
        _ db: Database, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, flags: PutFlags = []
    ) throws(StorageError) {
        var k = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var v = MDB_val(mv_size: value.count, mv_data: UnsafeMutableRawPointer(mutating: value.baseAddress))
        try check(mdb_put(handle, db.dbi, &k, &v, flags.rawValue), "mdb_put \(db.name)")
    }

    /// Stores `value` under `key`, replacing any value unless `flags` say otherwise.
    public func put(_ db: Database, key: [UInt8], value: [UInt8], flags: PutFlags = []) throws {
        try key.withUnsafeBytes { k in
            try value.withUnsafeBytes { v in try put(db, key: k, value: v, flags: flags) }
        }
    }

    /// A cursor on `db` to put through for the rest of this transaction (``PutCursor``).
    public func putCursor(_ db: Database) throws(StorageError) -> PutCursor {
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(handle, db.dbi, &cursor), "mdb_cursor_open \(db.name)")
        return PutCursor(handle: cursor!, database: db)
    }

    /// Reserves `count` bytes under `key` and lets `fill` write the value straight into the page
    /// (`MDB_RESERVE`): no intermediate buffer for large values.
    public func putReserved(
        _ db: Database, key: UnsafeRawBufferPointer, count: Int, flags: PutFlags = [],
        fill: (UnsafeMutableRawBufferPointer) throws -> Void
    ) throws {
        var k = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var v = MDB_val(mv_size: count, mv_data: nil)
        try check(mdb_put(handle, db.dbi, &k, &v, flags.rawValue | UInt32(MDB_RESERVE)), "mdb_put \(db.name)")
        try fill(UnsafeMutableRawBufferPointer(start: v.mv_data, count: count))
    }

    /// Deletes `key`; returns false when it was not there.
    @discardableResult
    public func delete(_ db: Database, key: UnsafeRawBufferPointer) throws(StorageError) -> Bool {
        var k = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        let rc = mdb_del(handle, db.dbi, &k, nil)
        if rc == MDB_NOTFOUND { return false }
        try check(rc, "mdb_del \(db.name)")
        return true
    }

    /// Deletes `key`; returns false when it was not there.
    @discardableResult
    public func delete(_ db: Database, key: [UInt8]) throws -> Bool {
        try key.withUnsafeBytes { k in try delete(db, key: k) }
    }

    /// Removes every entry of `db` (the database itself stays).
    public func clear(_ db: Database) throws(StorageError) {
        try check(mdb_drop(handle, db.dbi, 0), "mdb_drop \(db.name)")
    }

    /// Runs `body` with a cursor over `db`, closed when `body` returns.
    public func withCursor<R>(_ db: Database, _ body: (borrowing Cursor) throws -> R) throws -> R {
        let cursor = try Operations.openCursor(handle, db)
        return try body(cursor)
    }

    /// Entry and page counts of `db` as this transaction sees it.
    public func statistics(_ db: Database) throws(StorageError) -> DatabaseStatistics {
        try Operations.statistics(handle, db)
    }
}
