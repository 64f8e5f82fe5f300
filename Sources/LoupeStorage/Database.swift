import CLMDB

/// A named database (a B-tree) inside an ``Environment``.
///
/// Handles are opened once per environment with ``Environment/openDatabase(_:create:)`` and stay
/// valid for the environment's lifetime; they are plain values and can be shared across threads.
public struct Database: Sendable, Hashable {
    /// LMDB's handle.
    let dbi: MDB_dbi
    /// The database's name, for diagnostics.
    public let name: String
}

/// Flags for ``Transaction/put(_:key:value:flags:)`` and the cursor equivalents.
public struct PutFlags: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Fail with `MDB_KEYEXIST` instead of overwriting an existing key.
    public static let noOverwrite = PutFlags(rawValue: UInt32(MDB_NOOVERWRITE))
    /// The key sorts after every key in the database: a fast append (fails with `MDB_KEYEXIST` otherwise).
    public static let append = PutFlags(rawValue: UInt32(MDB_APPEND))
}

/// Entry counts and page usage of one database (`mdb_stat`).
public struct DatabaseStatistics: Sendable, Equatable {
    /// Number of key/value pairs.
    public var entries: Int
    /// Pages used by the B-tree: branch + leaf + overflow.
    public var pages: Int
    /// Size of one page in bytes.
    public var pageSize: Int
    /// Bytes occupied by the database's pages.
    public var bytes: Int { pages * pageSize }
}
