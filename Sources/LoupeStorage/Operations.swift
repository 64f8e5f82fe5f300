import CLMDB

/// The read operations shared by ``WriteTransaction`` and ``Snapshot``, over a raw transaction.
enum Operations {
    @inline(__always)
    static func get(_ txn: OpaquePointer, _ db: Database, _ key: UnsafeRawBufferPointer) throws(StorageError)
        -> UnsafeRawBufferPointer?
    {
        var data = MDB_val()
        let rc = withValue(key) { k in mdb_get(txn, db.dbi, &k, &data) }
        if rc == MDB_NOTFOUND { return nil }
        try check(rc, "mdb_get \(db.name)")
        return data.buffer
    }

    static func statistics(_ txn: OpaquePointer, _ db: Database) throws(StorageError) -> DatabaseStatistics {
        var stat = MDB_stat()
        try check(mdb_stat(txn, db.dbi, &stat), "mdb_stat \(db.name)")
        return DatabaseStatistics(
            entries: stat.ms_entries,
            pages: stat.ms_branch_pages + stat.ms_leaf_pages + stat.ms_overflow_pages,
            pageSize: Int(stat.ms_psize))
    }

    static func openCursor(_ txn: OpaquePointer, _ db: Database) throws(StorageError) -> Cursor {
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(txn, db.dbi, &cursor), "mdb_cursor_open \(db.name)")
        return Cursor(handle: cursor!, database: db)
    }
}
