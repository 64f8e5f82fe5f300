import Dispatch

/// Walks the union of several batches' terms in key order (field, then term bytes), giving for
/// each key the slot that holds it in every batch: how a commit merges the workers' postings.
struct TermMerge {
    private let interners: [InvertedBatch.Interner]

    init(_ interners: [InvertedBatch.Interner]) { self.interners = interners }

    private typealias SortedSlot = InvertedBatch.Interner.SortedSlot

    /// The distinct keys in key order, as `interners.count` entries per key: the key's slot in
    /// each batch, or -1 where the batch does not hold it.
    ///
    /// Each batch's keys are sorted on a thread of their own, then merged in as many key ranges
    /// as there are batches (the writer's workers), each on a thread of its own: a flush's run
    /// waits for the whole merge, which on one thread took about 40 ms of each of the bench
    /// corpus's flushes with the other workers idle. The ranges are cut at keys of the largest
    /// batch, found in every batch by binary search, so that a key falls in one range with all
    /// its slots.
    func slotsInKeyOrder() -> [Int32] {
        var sorting = [[SortedSlot]](repeating: [], count: interners.count)
        sorting.withUnsafeMutableBufferPointer { sorting in
            let shared = DisjointBuffer(elements: sorting)
            DispatchQueue.concurrentPerform(iterations: interners.count) { b in
                shared.elements[b] = interners[b].sortedSlots()
            }
        }
        let sorted = sorting
        let bounds = rangeBounds(sorted, ranges: interners.count)
        var pieces = [[Int32]](repeating: [], count: max(bounds.count - 1, 0))
        pieces.withUnsafeMutableBufferPointer { pieces in
            let shared = DisjointBuffer(elements: pieces)
            DispatchQueue.concurrentPerform(iterations: pieces.count) { r in
                shared.elements[r] = merge(sorted, from: bounds[r], to: bounds[r + 1])
            }
        }
        guard pieces.count > 1 else { return pieces.first ?? [] }
        var out: [Int32] = []
        out.reserveCapacity(pieces.reduce(0) { $0 + $1.count })
        for piece in pieces { out.append(contentsOf: piece) }
        return out
    }

    /// Where `ranges` key ranges of about equal size start in each batch's sorted keys: entry `r`
    /// holds range `r`'s first index in every batch, and the last entry every batch's count. A
    /// range starts at the `r`-th of `ranges` equal shares of the largest batch's keys, and in
    /// every other batch at its first key not below that one.
    private func rangeBounds(_ sorted: [[SortedSlot]], ranges: Int) -> [[Int]] {
        guard let largest = sorted.indices.max(by: { sorted[$0].count < sorted[$1].count }), !sorted[largest].isEmpty else {
            return [sorted.map { _ in 0 }, sorted.map(\.count)]
        }
        var bounds = [sorted.map { _ in 0 }]
        for r in 1..<max(ranges, 1) {
            let pivot = sorted[largest][sorted[largest].count * r / ranges]
            bounds.append(sorted.indices.map { b in
                // The first key of batch `b` not below the pivot.
                var low = 0, high = sorted[b].count
                while low < high {
                    let middle = (low + high) / 2
                    if order(b, sorted[b][middle], largest, pivot) < 0 { low = middle + 1 } else { high = middle }
                }
                return low
            })
        }
        bounds.append(sorted.map(\.count))
        return bounds
    }

    /// The merge of the sorted keys from `start` up to `end` (an index per batch) into rows of
    /// slots, one per distinct key. Its inner loop reads the sorted keys through buffers and
    /// writes rows straight into the result's storage, which holds as many rows as there are
    /// keys in the range (each key distinct), no reallocation or copy of a row.
    private func merge(_ sorted: [[SortedSlot]], from start: [Int], to end: [Int]) -> [Int32] {
        let width = interners.count
        let capacity = sorted.indices.reduce(0) { $0 + end[$1] - start[$1] } * width
        return withBuffers(sorted) { lists in
            [Int32](unsafeUninitializedCapacity: capacity) { out, written in
                var cursors = start
                var n = 0
                while true {
                    var smallest = -1
                    for b in 0..<width where cursors[b] < end[b] {
                        let entry = lists[b][cursors[b]]
                        let comparison = smallest < 0 ? -1 : order(b, entry, smallest, lists[smallest][cursors[smallest]])
                        if comparison < 0 {
                            for earlier in 0..<b { out[n + earlier] = -1 }
                            smallest = b
                        }
                        out[n + b] = comparison <= 0 ? Int32(entry.slot) : -1
                    }
                    guard smallest >= 0 else { break }
                    for b in 0..<width {
                        if cursors[b] >= end[b] {
                            out[n + b] = -1
                        } else if out[n + b] >= 0 {
                            cursors[b] += 1
                        }
                    }
                    n += width
                }
                written = n
            }
        }
    }

    /// Calls `body` with buffers of `sorted`'s arrays, in order.
    private func withBuffers<R>(_ sorted: [[SortedSlot]], _ body: ([UnsafeBufferPointer<SortedSlot>]) -> R) -> R {
        var buffers: [UnsafeBufferPointer<SortedSlot>] = []
        func nest(_ b: Int) -> R {
            guard b < sorted.count else { return body(buffers) }
            return sorted[b].withUnsafeBufferPointer { buffer in
                buffers.append(buffer)
                return nest(b + 1)
            }
        }
        return nest(0)
    }

    /// Key order (``IndexFormat/compareKeys(_:_:)``) of `a`, a key of batch `ba`, and `b`, one of
    /// batch `bb`: their first bytes decide, unless both are long and share them.
    @inline(__always)
    private func order(_ ba: Int, _ a: SortedSlot, _ bb: Int, _ b: SortedSlot) -> Int {
        if let order = SortedSlot.order(a, b) { return order }
        return interners[ba].withKey(Int(a.slot)) { ka in interners[bb].withKey(Int(b.slot)) { kb in IndexFormat.compareKeys(ka, kb) } }
    }
}
