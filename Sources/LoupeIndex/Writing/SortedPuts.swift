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
    /// With ``init(_:_:onlyWriter:)``'s `onlyWriter`, the cursor every put goes through.
    private let cursor: PutCursor?

    /// Reads the table's current last key.
    ///
    /// With `onlyWriter`, nothing else in `txn` may change the table until the last put made
    /// through this: the puts then go through one cursor (``PutCursor``), and each append finds the
    /// table's end where the cursor was left, without searching the tree (a fifth of the puts'
    /// time on a bulk load). LMDB adjusts a cursor for changes made through others, but not so
    /// that this holds: with the `ids` deletions of a watcher's commit in between, its puts lost
    /// documents (3 runs in 40 of a test under load). Without it, each put searches the tree
    /// (`mdb_put`).
    init(_ database: Database, _ txn: borrowing WriteTransaction, onlyWriter: Bool = false) throws {
        self.database = database
        lastKey = try txn.withCursor(database) { cursor in try cursor.last().map { Array($0.key) } }
        cursor = onlyWriter ? try txn.putCursor(database) : nil
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

    /// Stores `value` under `key` in `txn` (the transaction this was made in), appending when
    /// `key` sorts after every key so far.
    mutating func put(_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer, _ txn: borrowing WriteTransaction) throws {
        let flags: PutFlags = mayHold(key) ? [] : .append
        if let cursor {
            try cursor.put(key: key, value: value, flags: flags)
        } else {
            try txn.put(database, key: key, value: value, flags: flags)
        }
        guard flags == .append else { return }
        if lastKey == nil { lastKey = [] }
        lastKey!.removeAll(keepingCapacity: true)
        lastKey!.append(contentsOf: key)
    }

    /// ``put(_:_:_:)`` for a key and a value in arrays.
    mutating func put(_ key: [UInt8], _ value: [UInt8], _ txn: borrowing WriteTransaction) throws {
        try key.withUnsafeBytes { key in try value.withUnsafeBytes { try put(key, $0, txn) } }
    }
}
