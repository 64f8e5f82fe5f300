import CLMDB
import Glibc

/// An LMDB environment: one directory holding `data.mdb` and `lock.mdb`, with named databases inside.
///
/// Transactions:
/// - ``write(_:)`` runs a closure in the single write transaction and commits it when the closure
///   returns; a throw aborts it. When the map is full the transaction is aborted, the map doubled,
///   and the closure run again from the start, so a caller never meets a size limit. Write
///   closures must therefore be repeatable: derive every write from state outside the closure.
/// - ``snapshot()`` opens a read-only view that sees the last commit, for as long as it lives.
///
/// The environment is opened with `MDB_NOTLS`, so snapshots may be used from any thread (one at a
/// time) and many can be open at once.
public final class Environment: @unchecked Sendable {
    let handle: OpaquePointer
    let gate = TransactionGate()
    /// The directory holding the environment's files.
    public let path: String
    /// Whether it was opened read-only.
    public let readOnly: Bool
    private let lock = PthreadMutex()
    private var databases: [String: Database] = [:]

    /// Options for ``init(path:options:)``.
    public struct Options: Sendable {
        /// Initial map size in bytes; the map grows beyond it on demand.
        public var initialMapSize: Int = 1 << 30
        /// The most named databases the environment can hold.
        public var maxDatabases: UInt32 = 32
        /// Skip the fsync at commit (`MDB_NOSYNC`): a system crash may lose the last commits, but the
        /// database stays consistent. Call ``sync()`` to make commits durable.
        public var noSync: Bool = false
        /// Open read-only (`MDB_RDONLY`): ``write(_:)`` fails, and ``openDatabase(_:create:)`` opens
        /// existing databases in a read transaction.
        public var readOnly: Bool = false
        /// Use no lock file (`MDB_NOLOCK`): only for files nobody writes while they are open, such as
        /// a published snapshot opened read-only; no `lock.mdb` is created beside them.
        public var noLock: Bool = false
        public init() {}
    }

    /// Opens (and creates, unless read-only) the environment in directory `path`, creating the
    /// directory and any missing parents (as `mkdir -p`).
    public init(path: String, options: Options = Options()) throws(StorageError) {
        if !options.readOnly { try Self.makeDirectories(path) }
        var env: OpaquePointer?
        try check(mdb_env_create(&env), "mdb_env_create")
        guard let env else { throw StorageError(code: ENOMEM, operation: "mdb_env_create") }
        do {
            try check(mdb_env_set_maxdbs(env, options.maxDatabases), "mdb_env_set_maxdbs")
            try check(mdb_env_set_mapsize(env, options.initialMapSize), "mdb_env_set_mapsize")
            var flags = UInt32(MDB_NOTLS)
            if options.noSync { flags |= UInt32(MDB_NOSYNC) }
            if options.readOnly { flags |= UInt32(MDB_RDONLY) }
            if options.noLock { flags |= UInt32(MDB_NOLOCK) }
            try check(mdb_env_open(env, path, flags, 0o644), "open \(path)")
        } catch {
            mdb_env_close(env)
            throw error
        }
        self.handle = env
        self.path = path
        self.readOnly = options.readOnly
    }

    /// Creates directory `path` and its missing parents; an existing directory is fine.
    private static func makeDirectories(_ path: String) throws(StorageError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw StorageError(code: errno, operation: "mkdir \(prefix)")
            }
            prefix += "/"
        }
        var status = stat()
        guard stat(path, &status) == 0 else { throw StorageError(code: errno, operation: "stat \(path)") }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw StorageError(code: ENOTDIR, operation: "open \(path)") }
    }

    deinit { mdb_env_close(handle) }

    /// Opens the named database, creating it (in its own small write transaction) when `create` is
    /// true and it does not exist yet. Handles are cached; asking twice returns the same handle.
    /// In a read-only environment the database must exist; it is opened in a read transaction.
    public func openDatabase(_ name: String, create: Bool = true) throws -> Database {
        if let db = lock.withLock({ databases[name] }) { return db }
        if readOnly {
            var txn: OpaquePointer?
            try check(mdb_txn_begin(handle, nil, UInt32(MDB_RDONLY), &txn), "mdb_txn_begin (read)")
            var dbi: MDB_dbi = 0
            let rc = mdb_dbi_open(txn, name, 0, &dbi)
            guard rc == 0 else {
                mdb_txn_abort(txn)
                throw StorageError(code: rc, operation: "open database \(name)")
            }
            try check(mdb_txn_commit(txn), "mdb_txn_commit (open database \(name))")
            let db = Database(dbi: dbi, name: name)
            lock.withLock { databases[name] = db }
            return db
        }
        let db: Database = try write { txn in
            var dbi: MDB_dbi = 0
            let flags: UInt32 = create ? UInt32(MDB_CREATE) : 0
            try check(mdb_dbi_open(txn.handle, name, flags, &dbi), "open database \(name)")
            return Database(dbi: dbi, name: name)
        }
        lock.withLock { databases[name] = db }
        return db
    }

    /// Runs `body` inside the write transaction and commits it when `body` returns.
    ///
    /// - A throw from `body` aborts the transaction and is rethrown: nothing it wrote remains.
    /// - `MDB_MAP_FULL` (from a put or from the commit) aborts, doubles the map, and runs `body`
    ///   again from the start.
    /// - Only one write transaction exists at a time; a second writer blocks until the first ends.
    /// - Must not be called while this thread holds a ``Snapshot`` (a map resize would wait for it).
    @available(*, noasync, message: "LMDB's writer lock belongs to a thread; write from synchronous code")
    public func write<R>(_ body: (borrowing WriteTransaction) throws -> R) throws -> R {
        while true {
            var txnHandle: OpaquePointer?
            gate.enter()
            let rc = mdb_txn_begin(handle, nil, 0, &txnHandle)
            if rc != 0 {
                gate.leave()
                if rc == MDB_MAP_RESIZED { try adoptMapSize(); continue }
                throw StorageError(code: rc, operation: "mdb_txn_begin (write)")
            }
            let txn = WriteTransaction(handle: txnHandle!)
            do {
                let result = try body(txn)
                try txn.commit()
                gate.leave()
                return result
            } catch let error as StorageError where error.isMapFull {
                gate.leave()
                try growMap()
            } catch {
                gate.leave()
                throw error
            }
        }
    }

    /// Opens a read-only snapshot of the last committed state. It stays consistent however long it
    /// lives, and releases its LMDB reader slot when the object is freed.
    public func snapshot() throws -> Snapshot {
        while true {
            var txnHandle: OpaquePointer?
            gate.enter()
            let rc = mdb_txn_begin(handle, nil, UInt32(MDB_RDONLY), &txnHandle)
            if rc == 0 { return Snapshot(environment: self, handle: txnHandle!) }
            gate.leave()
            if rc == MDB_MAP_RESIZED { try adoptMapSize(); continue }
            throw StorageError(code: rc, operation: "mdb_txn_begin (read)")
        }
    }

    /// Runs `body` with a fresh snapshot that is released when `body` returns.
    public func read<R>(_ body: (Snapshot) throws -> R) throws -> R {
        try body(try snapshot())
    }

    /// The current map size in bytes.
    public var mapSize: Int {
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        return info.me_mapsize
    }

    /// How this environment lays values out on its pages.
    public var pageLayout: PageLayout {
        var stat = MDB_stat()
        mdb_env_stat(handle, &stat)
        return PageLayout(pageSize: Int(stat.ms_psize))
    }

    /// Bytes of the data file in use (last used page + 1, times the page size).
    public var usedBytes: Int {
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        var stat = MDB_stat()
        mdb_env_stat(handle, &stat)
        return (info.me_last_pgno + 1) * Int(stat.ms_psize)
    }

    /// Drops this process's mapping of the data file's pages (`madvise(MADV_DONTNEED)` over the
    /// map), so they stop counting in its resident memory. Nothing is lost: the map is read-only
    /// and shared, the pages stay in the page cache, and the next read of a page maps it again
    /// (a minor fault). A bulk writer calls this after each commit: every commit reads the pages
    /// of the terms it updates, and without it a long load keeps most of the file resident.
    ///
    /// LMDB does not tell where its map is (`me_mapaddr` is set only for `MDB_FIXEDMAP`), so the
    /// map is found in `/proc/self/maps` by the data file's device and inode. Does nothing where
    /// that file cannot be read.
    public func releaseMappedPages() {
        var descriptor: Int32 = -1
        guard mdb_env_get_fd(handle, &descriptor) == 0 else { return }
        var file = stat()
        guard fstat(descriptor, &file) == 0 else { return }
        gate.enter()
        defer { gate.leave() }
        for range in MappedRanges.of(device: UInt64(file.st_dev), inode: UInt64(file.st_ino)) {
            _ = madvise(UnsafeMutableRawPointer(bitPattern: range.lowerBound), range.count, MADV_DONTNEED)
        }
    }

    /// Flushes commits to disk (needed only with ``Options/noSync``).
    public func sync() throws(StorageError) {
        try check(mdb_env_sync(handle, 1), "mdb_env_sync")
    }

    /// The id of the last committed write transaction (`me_last_txnid`): LMDB counts every commit,
    /// so it grows with each one. A compacted copy restarts its own count.
    public var lastCommitId: UInt64 {
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        return UInt64(info.me_last_txnid)
    }

    /// Writes a compacted copy of the environment into the existing empty directory `path`
    /// (`mdb_env_copy2` with `MDB_CP_COMPACT`): free pages are left out. The copy is one consistent
    /// commit, read in a read transaction of its own, so writers keep working meanwhile. It is
    /// not synced: the caller makes it durable (``syncFiles(in:)``).
    public func copyCompacted(to path: String) throws(StorageError) {
        try check(mdb_env_copy2(handle, path, UInt32(MDB_CP_COMPACT)), "copy to \(path)")
    }

    /// Flushes `data.mdb` in directory `path` and the directory itself to disk (`fsync`).
    public static func syncFiles(in path: String) throws(StorageError) {
        for file in [path + "/data.mdb", path] {
            let fd = Glibc.open(file, O_RDONLY)
            guard fd >= 0 else { throw StorageError(code: errno, operation: "open \(file)") }
            defer { close(fd) }
            guard fsync(fd) == 0 else { throw StorageError(code: errno, operation: "fsync \(file)") }
        }
    }

    private func growMap() throws {
        try gate.exclusively {
            let size = mapSize
            try check(mdb_env_set_mapsize(handle, size * 2), "grow map to \(size * 2) bytes")
        }
    }

    private func adoptMapSize() throws {
        try gate.exclusively {
            try check(mdb_env_set_mapsize(handle, 0), "adopt map size")
        }
    }
}
