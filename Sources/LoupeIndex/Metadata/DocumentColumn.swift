import LoupeCodec

/// A per-document numeric value that range filters and sorting read: one `columns` page holds
/// it for ``ColumnPage/docsPerPage`` consecutive doc ids.
public enum DocumentColumn: UInt8, Sendable, CaseIterable {
    /// ``DocumentMetadata/modified``: seconds since 1970 (signed).
    case modified = 0
    /// ``DocumentInput/size``: bytes (stored as the i64 bit pattern of the u64).
    case size = 1

    /// The name used in queries and messages.
    public var name: String {
        switch self {
        case .modified: "modified"
        case .size: "size"
        }
    }

    /// The column's value for a document with `record`.
    func value(of record: DocumentRecord) -> Int64 {
        switch self {
        case .modified: record.metadata.modified
        case .size: Int64(bitPattern: record.size)
        }
    }
}

/// The layout of a `columns` value: ``docsPerPage`` i64 values, little-endian, the value of doc
/// `doc` at slot `doc & (docsPerPage - 1)` of page `doc >> shift`. Slots of doc ids not yet
/// given hold 0; every page from 0 to the last doc id's exists.
public enum ColumnPage {
    /// Doc ids per page: `page = doc >> shift`.
    public static let shift: UInt32 = 11
    public static let docsPerPage = 1 << 11
    public static let bytes = docsPerPage * 8

    static func empty() -> [UInt8] { [UInt8](repeating: 0, count: bytes) }

    /// Stores `value` as `doc`'s in `page`.
    static func store(_ value: Int64, for doc: UInt32, in page: inout [UInt8]) {
        let offset = Int(doc & UInt32(docsPerPage - 1)) * 8
        let bits = UInt64(bitPattern: value)
        for i in 0..<8 { page[offset + i] = UInt8(truncatingIfNeeded: bits >> (8 * UInt64(i))) }
    }

    /// `doc`'s value in the page at `base`.
    @inlinable @inline(__always)
    public static func value(_ doc: UInt32, _ base: UnsafeRawPointer) -> Int64 {
        Int64(littleEndian: base.loadUnaligned(fromByteOffset: Int(doc & UInt32(docsPerPage - 1)) &* 8, as: Int64.self))
    }
}
