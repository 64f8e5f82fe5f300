import CLMDB

/// An error reported by LMDB, or by the storage layer on top of it.
///
/// `code` is the raw LMDB return code (an `MDB_*` constant or an `errno` value), so callers can
/// react to specific conditions such as ``isMapFull`` without parsing messages.
public struct StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The LMDB or errno code.
    public let code: Int32
    /// LMDB's own message for `code` (`mdb_strerror`).
    public let message: String
    /// What the storage layer was doing when LMDB failed, e.g. `"mdb_put"` or `"open /path"`.
    public let operation: String

    /// Wraps a non-zero LMDB return code.
    public init(code: Int32, operation: String) {
        self.code = code
        self.message = String(cString: mdb_strerror(code))
        self.operation = operation
    }

    /// True when the memory map is full; ``Environment/write(_:)`` grows the map and retries.
    public var isMapFull: Bool { code == MDB_MAP_FULL }
    /// True when another process grew the map; the environment must adopt the new size.
    public var isMapResized: Bool { code == MDB_MAP_RESIZED }
    /// True when the disk or the file system refused to take more data.
    public var isDiskFull: Bool { code == 28 /* ENOSPC */ || code == 122 /* EDQUOT */ }

    public var description: String { "LMDB(\(code)) \(operation): \(message)" }
}

/// Throws a ``StorageError`` when `rc` is not `MDB_SUCCESS`.
@inline(__always)
func check(_ rc: Int32, _ operation: @autoclosure () -> String) throws(StorageError) {
    if rc != 0 { throw StorageError(code: rc, operation: operation()) }
}
