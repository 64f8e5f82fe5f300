import LoupeCodec

/// The layout of a `labels` value: a bitmap of ``docsPerPage`` consecutive doc ids (bit
/// `doc & (docsPerPage - 1)` of the page `doc >> shift`, least significant bit first within
/// each byte); a set bit means the document has the label. Pages without any set bit are not
/// stored. Deleted documents keep their bits until compaction; readers skip them as they skip
/// their postings.
public enum LabelPage {
    /// Doc ids per page: `page = doc >> shift`.
    public static let shift: UInt32 = 12
    public static let docsPerPage = 1 << 12
    public static let bytes = docsPerPage / 8

    /// A page with no bit set.
    static func empty() -> [UInt8] { [UInt8](repeating: 0, count: bytes) }

    /// Sets `doc`'s bit in `page`.
    static func set(_ doc: UInt32, in page: inout [UInt8]) {
        let bit = Int(doc & UInt32(docsPerPage - 1))
        page[bit >> 3] |= 1 << UInt8(bit & 7)
    }

    /// Whether `doc`'s bit is set in the page at `base`.
    @inlinable @inline(__always)
    public static func contains(_ doc: UInt32, _ base: UnsafeRawPointer) -> Bool {
        let bit = Int(doc & UInt32(docsPerPage - 1))
        return base.load(fromByteOffset: bit >> 3, as: UInt8.self) & (1 << UInt8(bit & 7)) != 0
    }

    /// The first set bit at or after slot `slot` of the page at `base`, as a slot, or nil.
    @inlinable
    public static func nextSet(from slot: Int, _ base: UnsafeRawPointer) -> Int? {
        var word = slot >> 6
        guard word < docsPerPage / 64 else { return nil }
        var bits = base.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self).littleEndian & (~0 << UInt64(slot & 63))
        while true {
            if bits != 0 { return word * 64 + bits.trailingZeroBitCount }
            word += 1
            guard word < docsPerPage / 64 else { return nil }
            bits = base.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self).littleEndian
        }
    }
}
