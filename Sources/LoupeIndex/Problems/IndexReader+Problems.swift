extension IndexReader {
    /// The problem ledger's entries whose path is `path` or lies under it (every entry for the
    /// default), in path (byte) order.
    public func problems(under path: String? = nil) throws -> [FileProblem] {
        var found: [FileProblem] = []
        try snapshot.withCursor(index.tables.problems) { cursor in
            guard let path, path != "/" else {
                var entry = try cursor.first()
                while let e = entry {
                    found.append(try ProblemLedger.decode(key: e.key, value: e.value))
                    entry = try cursor.next()
                }
                return
            }
            let exact = IndexFormat.problemKey(path: path)
            let prefix = IndexFormat.problemKey(path: path + "/")
            if let e = try cursor.seek(atOrAfter: exact), e.key.elementsEqual(exact) {
                found.append(try ProblemLedger.decode(key: e.key, value: e.value))
            }
            var entry = try cursor.seek(atOrAfter: prefix)
            while let e = entry, e.key.starts(with: prefix) {
                found.append(try ProblemLedger.decode(key: e.key, value: e.value))
                entry = try cursor.next()
            }
        }
        return found
    }

    /// The number of entries in the problem ledger.
    public var problemCount: Int {
        get throws { try snapshot.statistics(index.tables.problems).entries }
    }
}
