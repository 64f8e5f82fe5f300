#if canImport(Glibc)
import Glibc
#endif
import LoupeCodec

/// The on-disk format: the LMDB named databases and how their keys are built.
///
/// ARCHITECTURE.md documents every database's key and value layout; keep the two in step, and
/// bump ``version`` whenever a layout changes.
public enum IndexFormat {
    /// The format version stored under `meta/format`. An index with another version is refused.
    public static let version: UInt32 = 5

    /// Names of the named databases.
    enum Table {
        static let meta = "meta"
        static let terms = "terms"
        static let postings = "postings"
        static let positions = "positions"
        static let docstore = "docstore"
        static let records = "records"
        static let ids = "ids"
        static let norms = "norms"
        static let tombstones = "tombstones"
        static let labels = "labels"
        static let columns = "columns"
        /// The problem ledger (``ProblemLedger``); an index made before it has it created empty.
        static let problems = "problems"
        static let all = [meta, terms, postings, positions, docstore, records, ids, norms, tombstones, labels, columns, problems]
    }

    /// The order of two keys in every table (LMDB's default): bytes compared as unsigned with
    /// `memcmp`, the shorter key first when one is a prefix of the other. Negative, zero or
    /// positive as `a` sorts before, with or after `b`. (The generic `lexicographicallyPrecedes`
    /// cost about 240 instructions a key.)
    @inline(__always)
    static func compareKeys(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let common = min(a.count, b.count)
        let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
        return order != 0 ? Int(order) : a.count - b.count
    }

    /// Documents per norms page: key `field, docId >> normsShift`; the value is one length code
    /// (``FieldNorm``) per document, so a page is `normsPageSize` bytes.
    static let normsShift: UInt32 = 12
    static let normsPageSize = 1 << 12
    /// Documents per tombstone bitmap page: key `docId >> tombstoneShift`.
    static let tombstoneShift: UInt32 = 15
    static let tombstonePageBytes = (1 << 15) / 8

    /// `terms` key: field byte, then the term's UTF-8 bytes.
    static func termKey(_ field: IndexField, _ term: UnsafeRawBufferPointer) -> [UInt8] {
        var key: [UInt8] = [field.rawValue]
        key.append(contentsOf: term)
        return key
    }

    /// `postings` / `positions` key: term id, then the chunk's last doc id, both big-endian so
    /// that a term's chunks sort together in doc order.
    static func chunkKey(termId: UInt32, lastDoc: UInt32) -> [UInt8] {
        var key = bigEndian(termId)
        key += bigEndian(lastDoc)
        return key
    }

    /// `docstore` key (a block's last doc id) and `ids` value: the doc id, big-endian.
    static func docKey(_ doc: UInt32) -> [UInt8] { bigEndian(doc) }

    /// `problems` key: the file's absolute path, UTF-8.
    static func problemKey(path: String) -> [UInt8] { Array(path.utf8) }

    /// `norms` key: field byte, then the page number, big-endian.
    static func normsKey(_ field: IndexField, page: UInt32) -> [UInt8] { [field.rawValue] + bigEndian(page) }

    /// `labels` key: the label's kind byte, its value's UTF-8 bytes, a 0 byte, then the page
    /// number (``LabelPage``), big-endian: a label's pages sort together in doc order.
    static func labelKey(_ label: DocumentLabel, page: UInt32) -> [UInt8] { labelPrefix(label) + bigEndian(page) }

    /// The key prefix every page of `label` starts with.
    static func labelPrefix(_ label: DocumentLabel) -> [UInt8] { [label.kind.rawValue] + Array(label.value.utf8) + [0] }

    /// `columns` key: the column byte, then the page number (``ColumnPage``), big-endian.
    static func columnKey(_ column: DocumentColumn, page: UInt32) -> [UInt8] { [column.rawValue] + bigEndian(page) }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16),
         UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }

    static func readBigEndian(_ bytes: UnsafeRawBufferPointer, at offset: Int = 0) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }
}
