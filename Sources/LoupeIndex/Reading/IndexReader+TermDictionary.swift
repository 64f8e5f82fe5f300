extension IndexReader {
    /// The in-memory dictionary of `field` at this reader's commit: built on first use (one
    /// sequential read of the field's terms), then shared through the ``Index`` by every reader
    /// of the same commit.
    public func termDictionary(_ field: IndexField) throws -> TermDictionary {
        let version = TermDictionaryCache.Version(
            commit: try commit,
            statistics: [UInt64(statistics.nextDocId), UInt64(statistics.nextTermId), UInt64(statistics.liveDocs), UInt64(statistics.deletedDocs)])
        return try index.termDictionaries.dictionary(field, at: version) { try buildTermDictionary(field) }
    }

    /// Reads the terms of `field` with live documents into a new dictionary.
    private func buildTermDictionary(_ field: IndexField) throws -> TermDictionary {
        var bytes: [UInt8] = []
        var offsets: [UInt32] = [0]
        var docFreqs: [UInt32] = []
        try snapshot.withCursor(tables.terms) { cursor in
            var entry = try cursor.seek(atOrAfter: [field.rawValue])
            while let e = entry, e.key.first == field.rawValue {
                let docFreq = try TermInfo.docFreq(decoding: e.value)
                if docFreq > 0 {
                    bytes.append(contentsOf: e.key[1...])
                    guard bytes.count <= Int(UInt32.max) else { throw IndexError.corrupt("term dictionary over 4 GiB") }
                    offsets.append(UInt32(bytes.count))
                    docFreqs.append(docFreq)
                }
                entry = try cursor.next()
            }
        }
        return TermDictionary(field: field, bytes: bytes, offsets: offsets, docFreqs: docFreqs)
    }
}
