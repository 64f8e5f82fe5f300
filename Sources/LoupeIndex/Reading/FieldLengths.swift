import LoupeCodec

/// Field lengths of one field as one-byte codes (``FieldNorm``), read from the reader's norms
/// pages (4096 codes each, ``IndexFormat``); valid while the reader lives.
///
/// The codes are what scoring uses: ``norm(_:)`` is one byte load per document. The exact token
/// counts are in the documents' records (``DocumentRecord/length(_:)``); ``length(_:)`` is the
/// decoded code, exact below 40 tokens and at most 12.5 % short above.
public struct FieldLengths {
    @usableFromInline let table: PageTable

    /// The length code of `doc`'s field; 0 for a document without one.
    @inlinable @inline(__always)
    public func norm(_ doc: UInt32) -> UInt8 {
        guard let page = table.page(Int(doc &>> 12)) else { return 0 }
        return page.load(fromByteOffset: Int(doc & 4095), as: UInt8.self)
    }

    /// The length scoring sees for `doc`'s field: ``FieldNorm/decode(_:)`` of its code.
    @inlinable @inline(__always)
    public func length(_ doc: UInt32) -> UInt32 { FieldNorm.decode(norm(doc)) }
}
