import CLMDB

/// A read-only view of the last committed state when it was opened.
///
/// Buffers it returns point straight into LMDB's memory map (no copies) and stay valid exactly as
/// long as the snapshot object lives. A snapshot never sees later commits and never blocks the
/// writer. It may move between threads but must be used by one thread at a time.
public final class Snapshot: @unchecked Sendable {
    let handle: OpaquePointer
    private let environment: Environment

    init(environment: Environment, handle: OpaquePointer) {
        self.environment = environment
        self.handle = handle
    }

    deinit {
        mdb_txn_abort(handle)
        environment.gate.leave()
    }

    /// The value stored under `key`, borrowed from the map, or nil.
    @inline(__always)
    public func get(_ db: Database, key: UnsafeRawBufferPointer) throws(StorageError) -> UnsafeRawBufferPointer? {
        try Operations.get(handle, db, key)
    }

    /// The value stored under `key`, borrowed from the map, or nil.
    public func get(_ db: Database, key: [UInt8]) throws -> UnsafeRawBufferPointer? {
        try key.withUnsafeBytes { k in try Operations.get(handle, db, k) }
    }

    /// Runs `body` with a cursor over `db`, closed when `body` returns.
    public func withCursor<R>(_ db: Database, _ body: (borrowing Cursor) throws -> R) throws -> R {
        let cursor = try Operations.openCursor(handle, db)
        return try body(cursor)
    }

    /// Entry and page counts of `db` in this snapshot.
    public func statistics(_ db: Database) throws(StorageError) -> DatabaseStatistics {
        try Operations.statistics(handle, db)
    }
}
