import LoupeStorage

/// Puts into one table that use `MDB_APPEND` while keys arrive above the table's last key.
///
/// A commit writes most tables in key order (terms sorted, doc ids increasing), and appending
/// fills LMDB pages completely instead of splitting them in half: on a bulk load this makes the
/// tables about a third smaller and the puts several times faster. Keys that arrive out of order
/// fall back to ordinary puts; correctness never depends on the order, as long as every put to
/// the table in the transaction goes through the same value (it tracks the table's largest key).
struct SortedPuts {
    let database: Database
    /// The table's largest key (its bytes are reused from key to key), or nil when it is empty.
    private var lastKey: [UInt8]?

    /// Reads the table's current last key.
    init(_ database: Database, _ txn: borrowing WriteTransaction) throws {
        self.database = database
        lastKey = try txn.withCursor(database) { cursor in try cursor.last().map { Array($0.key) } }
    }

    /// False when the table cannot hold `key`: it sorts after every key the table held at the start
    /// and every key put since (the table's largest key is tracked), so a look-up would find nothing.
    /// A commit putting keys in order skips the look-ups of all that go past the table's end.
    func mayHold(_ key: UnsafeRawBufferPointer) -> Bool {
        guard let last = lastKey else { return false }
        return !last.withUnsafeBytes { IndexFormat.compareKeys($0, key) < 0 }
    }

    /// ``mayHold(_:)`` for a key in an array.
    func mayHold(_ key: [UInt8]) -> Bool {
        key.withUnsafeBytes { mayHold($0) }
    }

    /// Stores `value` under `key`, appending when `key` sorts after every key so far.
    mutating func put(_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer, _ txn: borrowing WriteTransaction) throws {
        if mayHold(key) {
            try txn.put(database, key: key, value: value)
            return
        }
        try txn.put(database, key: key, value: value, flags: .append)
        if lastKey == nil { lastKey = [] }
        lastKey!.removeAll(keepingCapacity: true)
        lastKey!.append(contentsOf: key)
    }

    /// ``put(_:_:_:)`` for a key and a value in arrays.
    mutating func put(_ key: [UInt8], _ value: [UInt8], _ txn: borrowing WriteTransaction) throws {
        try key.withUnsafeBytes { key in try value.withUnsafeBytes { try put(key, $0, txn) } }
    }
}
