import LoupeCodec

/// Token counts of one field (norms pages of 4096 lengths, ``IndexFormat``), read from the norms pages of a reader (valid while it lives).
public struct FieldLengths {
    @usableFromInline let table: PageTable

    /// The length of `doc`'s field; 0 for a document without one.
    @inlinable @inline(__always)
    public func length(_ doc: UInt32) -> UInt32 {
        guard let page = table.page(Int(doc &>> 12)) else { return 0 }
        return page.loadLE32(Int(doc & 4095) &* 4)
    }
}
