/// Walks the union of several batches' terms in key order (field, then term bytes), giving for
/// each key the (batch, slot) pairs that hold it: how a commit merges the workers' postings.
struct TermMerge {
    private let interners: [TermInterner]

    init(_ interners: [TermInterner]) { self.interners = interners }

    /// Calls `body` once per distinct key, in key order.
    func forEachTerm(_ body: ([UInt8], [(batch: Int, slot: Int)]) throws -> Void) throws {
        let sorted = interners.map { $0.sortedSlots() }
        var cursors = [Int](repeating: 0, count: interners.count)
        var holders: [(batch: Int, slot: Int)] = []
        while true {
            var smallest: [UInt8]? = nil
            holders.removeAll(keepingCapacity: true)
            for b in interners.indices where cursors[b] < sorted[b].count {
                let slot = sorted[b][cursors[b]]
                let key = interners[b].withKey(slot) { Array($0) }
                if smallest == nil || key.lexicographicallyPrecedes(smallest!) {
                    smallest = key
                    holders = [(b, slot)]
                } else if key == smallest! {
                    holders.append((b, slot))
                }
            }
            guard let key = smallest else { return }
            for holder in holders { cursors[holder.batch] += 1 }
            try body(key, holders)
        }
    }
}

/// The writer's batches and the records being built, shared with the worker threads of one
/// ``IndexWriter/add(contentsOf:)``: each worker touches only its own batch and its own slice
/// of records, which is what makes the unchecked sendability sound.
struct WorkerBuffers: @unchecked Sendable {
    let batches: UnsafeMutableBufferPointer<InvertedBatch>
    let records: UnsafeMutableBufferPointer<DocumentRecord?>
}
