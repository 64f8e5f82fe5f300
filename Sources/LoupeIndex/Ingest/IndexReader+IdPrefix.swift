extension IndexReader {
    /// Calls `body` for each live document whose external id starts with `prefix`, with its doc
    /// id, in external-id (byte) order. An empty prefix visits every live document.
    public func forEachId(withPrefix prefix: String, _ body: (String, UInt32) throws -> Void) throws {
        let key = Array(prefix.utf8)
        try snapshot.withCursor(index.tables.ids) { cursor in
            // LMDB rejects an empty key, so an empty prefix starts from the first entry.
            var entry = key.isEmpty ? try cursor.first() : try cursor.seek(atOrAfter: key)
            while let e = entry, e.key.starts(with: key) {
                try body(String(decoding: e.key, as: UTF8.self), IndexFormat.readBigEndian(e.value))
                entry = try cursor.next()
            }
        }
    }
}
