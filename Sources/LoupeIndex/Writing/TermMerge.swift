import Dispatch

/// Walks the union of several batches' terms in key order (field, then term bytes), giving for
/// each key the slot that holds it in every batch: how a commit merges the workers' postings.
struct TermMerge {
    private let interners: [InvertedBatch.Interner]

    init(_ interners: [InvertedBatch.Interner]) { self.interners = interners }

    /// The distinct keys in key order, as `interners.count` entries per key: the key's slot in
    /// each batch, or -1 where the batch does not hold it.
    func slotsInKeyOrder() -> [Int32] {
        // Each batch's keys are sorted on a thread of their own.
        var sorted = [[InvertedBatch.Interner.SortedSlot]](repeating: [], count: interners.count)
        sorted.withUnsafeMutableBufferPointer { sorted in
            let shared = DisjointBuffer(elements: sorted)
            DispatchQueue.concurrentPerform(iterations: interners.count) { b in
                shared.elements[b] = interners[b].sortedSlots()
            }
        }
        let width = interners.count
        var cursors = [Int](repeating: 0, count: width)
        var out: [Int32] = []
        out.reserveCapacity((sorted.map(\.count).max() ?? 0) * width)
        var row = [Int32](repeating: -1, count: width)
        while true {
            var smallest = -1
            for b in 0..<width where cursors[b] < sorted[b].count {
                let entry = sorted[b][cursors[b]]
                let order: Int
                if smallest < 0 {
                    order = -1
                } else {
                    // The prefixes decide, unless they are equal.
                    let least = sorted[smallest][cursors[smallest]]
                    order = entry.prefix != least.prefix
                        ? (entry.prefix < least.prefix ? -1 : 1) : compare(b, Int(entry.slot), smallest, Int(least.slot))
                }
                if order < 0 {
                    for earlier in 0..<b { row[earlier] = -1 }
                    smallest = b
                }
                row[b] = order <= 0 ? Int32(entry.slot) : -1
            }
            guard smallest >= 0 else { return out }
            for b in 0..<width where row[b] >= 0 { cursors[b] += 1 }
            out.append(contentsOf: row)
            for b in 0..<width { row[b] = -1 }
        }
    }

    /// Key order (``IndexFormat/compareKeys(_:_:)``) of slot `a` of batch `ba` and slot `b` of batch `bb`.
    private func compare(_ ba: Int, _ a: Int, _ bb: Int, _ b: Int) -> Int {
        interners[ba].withKey(a) { ka in interners[bb].withKey(b) { kb in IndexFormat.compareKeys(ka, kb) } }
    }
}

