import CLMDB

/// A key/value pair borrowed from the memory map; valid while the owning transaction lives and
/// (in a write transaction) until the next write.
public struct Entry {
    public let key: UnsafeRawBufferPointer
    public let value: UnsafeRawBufferPointer
}

/// A position in one database, for ordered scans and range seeks. Keys compare as unsigned bytes.
/// Lives only inside `withCursor`; it is closed before its transaction ends.
public struct Cursor: ~Copyable {
    let handle: OpaquePointer
    let database: Database

    deinit { mdb_cursor_close(handle) }

    /// The first entry, or nil when the database is empty.
    public func first() throws(StorageError) -> Entry? { try move(MDB_FIRST) }
    /// The last entry, or nil when the database is empty.
    public func last() throws(StorageError) -> Entry? { try move(MDB_LAST) }
    /// The entry after the current one, or nil at the end.
    public func next() throws(StorageError) -> Entry? { try move(MDB_NEXT) }
    /// The entry before the current one, or nil at the start.
    public func previous() throws(StorageError) -> Entry? { try move(MDB_PREV) }

    /// The first entry whose key is greater than or equal to `key`, or nil when there is none.
    public func seek(atOrAfter key: UnsafeRawBufferPointer) throws(StorageError) -> Entry? {
        var k = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var v = MDB_val()
        let rc = mdb_cursor_get(handle, &k, &v, MDB_SET_RANGE)
        if rc == MDB_NOTFOUND { return nil }
        try check(rc, "cursor seek \(database.name)")
        return Entry(key: k.buffer, value: v.buffer)
    }

    /// The first entry whose key is greater than or equal to `key`, or nil when there is none.
    public func seek(atOrAfter key: [UInt8]) throws -> Entry? {
        try key.withUnsafeBytes { k in try seek(atOrAfter: k) }
    }

    /// Stores a pair through the cursor (write transactions only); `.append` makes sorted bulk
    /// loads several times faster.
    public func put(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, flags: PutFlags = []) throws(StorageError) {
        var k = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var v = MDB_val(mv_size: value.count, mv_data: UnsafeMutableRawPointer(mutating: value.baseAddress))
        try check(mdb_cursor_put(handle, &k, &v, flags.rawValue), "cursor put \(database.name)")
    }

    /// Deletes the entry at the cursor (write transactions only).
    public func deleteCurrent() throws(StorageError) {
        try check(mdb_cursor_del(handle, 0), "cursor delete \(database.name)")
    }

    private func move(_ op: MDB_cursor_op) throws(StorageError) -> Entry? {
        var k = MDB_val()
        var v = MDB_val()
        let rc = mdb_cursor_get(handle, &k, &v, op)
        if rc == MDB_NOTFOUND { return nil }
        try check(rc, "cursor move \(database.name)")
        return Entry(key: k.buffer, value: v.buffer)
    }
}
