/// One column's values (``DocumentColumn``), read from its `columns` pages (valid while the
/// reader lives).
public struct ColumnValues {
    @usableFromInline let table: PageTable

    init(table: PageTable) { self.table = table }

    /// `doc`'s value; 0 for a doc id without a page.
    @inlinable @inline(__always)
    public func value(_ doc: UInt32) -> Int64 {
        guard let base = table.page(Int(doc >> ColumnPage.shift)) else { return 0 }
        return ColumnPage.value(doc, base)
    }
}
