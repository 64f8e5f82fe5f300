import CLMDB

/// Runs `body` with an `MDB_val` that points at `bytes` (no copy).
@inline(__always)
func withValue<R>(
    _ bytes: UnsafeRawBufferPointer, _ body: (inout MDB_val) throws -> R
) rethrows -> R {
    var value = MDB_val(mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
    return try body(&value)
}

extension MDB_val {
    /// The value as a borrowed buffer into LMDB's memory map (valid while its transaction lives).
    @inline(__always)
    var buffer: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: mv_data, count: mv_size)
    }
}
