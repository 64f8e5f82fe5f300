import LoupeStorage

/// The `ids` entries of a commit's added documents, put in key order a slice at a time: a bulk
/// load's commit (no deletion or touch queued before an addition) puts them between its rounds of
/// terms, while the workers encode the next round (``BetweenRounds``), rather than all after the
/// merge with the workers idle (the bench corpus's 347,485 ids took 70 ms there).
///
/// The result is that of putting the ids one by one in batch order: each distinct id is put once,
/// for its last document in the batch; ``deletions`` gathers the documents replaced, the live
/// version an id had before the commit and each earlier document of the batch with that id. Puts
/// in key order append past the table's last key (on a fresh index, all of them) with no look-up
/// there, and the others walk the table in order.
struct AddedIdPuts {
    private let list: ExternalIdList
    /// Batch places in the key order of their ids (``ExternalIdList/sortedIndices()``).
    private let order: [UInt32]
    private let base: UInt32
    private var next = 0
    /// The `ids` table's puts.
    private(set) var puts: SortedPuts
    /// The documents the ids put so far replace.
    private(set) var deletions: [UInt32] = []

    /// Prepares the puts of `list`'s ids (batch place `p` is doc `base + p`) into `table`; nothing
    /// else in `txn` may change `table` until the last of them (``SortedPuts``'s `onlyWriter`: a
    /// commit deletes ids only after them, and then adds none).
    init(_ list: ExternalIdList, base: UInt32, table: Database, _ txn: borrowing WriteTransaction) throws {
        self.list = list
        self.base = base
        order = list.sortedIndices()
        puts = try SortedPuts(table, txn, onlyWriter: true)
    }

    /// The ids to put, equal ones counted each time.
    var count: Int { order.count }

    /// Puts the next `count` ids, and the rest of a run of equal ids begun among them; by default,
    /// every id left. Returns whether it looked any up in the table (ids past its last key need
    /// no look-up).
    @discardableResult
    mutating func put(_ txn: borrowing WriteTransaction, upTo count: Int = .max) throws -> Bool {
        let stop = count >= order.count - next ? order.count : next + count
        let list = list
        var lookedUp = false
        while next < stop {
            var end = next + 1
            while end < order.count && list.equal(Int(order[next]), Int(order[end])) { end += 1 }
            for replaced in order[next..<(end - 1)] { deletions.append(base + replaced) }
            // Borrowed from the list, not copied: a quarter of this loop's time went to allocations.
            var doc = (base + order[end - 1]).bigEndian
            try list.withId(Int(order[next])) { key in
                if puts.mayHold(key) {
                    lookedUp = true
                    if let old = try txn.get(puts.database, key: key) { deletions.append(IndexFormat.readBigEndian(old)) }
                }
                try withUnsafeBytes(of: &doc) { try puts.put(key, $0, txn) }
            }
            next = end
        }
        return lookedUp
    }
}
