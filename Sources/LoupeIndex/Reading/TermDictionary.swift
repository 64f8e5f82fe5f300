/// The terms of one field that live documents hold, in memory: sorted UTF-8 bytes with their
/// document frequencies, for the walks that visit many terms (fuzzy expansion, completion)
/// without an LMDB seek per step.
///
/// Terms are stored back to back in one byte buffer with an offset table (term `i` is
/// `bytes[offsets[i]..<offsets[i + 1]]`), in the byte order of the `terms` table, so a lower
/// bound is a binary search and a prefix is a contiguous range. A max-tree over the document
/// frequencies (a segment tree: each node holds the largest frequency below it) gives the most
/// frequent terms of any range in O(k log n) (``mostFrequent(in:limit:)``).
///
/// A dictionary is immutable and describes one commit: ``IndexReader/termDictionary(_:)`` builds
/// it once per field and commit with one sequential read of the field's part of `terms`, and
/// the ``Index`` keeps it for every later reader of the same commit. Terms whose document
/// frequency is 0 (every holder deleted) are left out.
public final class TermDictionary: Sendable {
    /// The field whose terms these are.
    public let field: IndexField
    private let bytes: [UInt8]
    private let offsets: [UInt32]
    private let docFreqs: [UInt32]
    /// Max-tree over `docFreqs`: leaves at `leafBase + i`, node `n`'s children `2n`, `2n + 1`.
    private let maxTree: [UInt32]
    private let leafBase: Int

    /// The number of terms.
    public var count: Int { docFreqs.count }

    /// A dictionary of `terms` (sorted by bytes, no duplicates) and their document frequencies.
    init(field: IndexField, bytes: [UInt8], offsets: [UInt32], docFreqs: [UInt32]) {
        self.field = field
        self.bytes = bytes
        self.offsets = offsets
        self.docFreqs = docFreqs
        var base = 1
        while base < max(docFreqs.count, 1) { base <<= 1 }
        var tree = [UInt32](repeating: 0, count: 2 * base)
        for (i, df) in docFreqs.enumerated() { tree[base + i] = df }
        var node = base - 1
        while node >= 1 {
            tree[node] = max(tree[2 * node], tree[2 * node + 1])
            node -= 1
        }
        maxTree = tree
        leafBase = base
    }

    /// The document frequency of term `i`.
    public func docFreq(_ i: Int) -> UInt32 { docFreqs[i] }

    /// Term `i` as a string.
    public func term(_ i: Int) -> String {
        withTerm(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of term `i`.
    @inline(__always)
    public func withTerm<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[Int(offsets[i])..<Int(offsets[i + 1])]))
        }
    }

    /// The length in bytes of term `i`.
    @inline(__always)
    public func length(_ i: Int) -> Int { Int(offsets[i + 1] - offsets[i]) }

    /// The first index of `range` whose term is at or after `key` in byte order
    /// (`range.upperBound` when none is); the terms of `range` must be sorted, as all are.
    public func lowerBound(_ key: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int {
        bytes.withUnsafeBufferPointer { all in
            offsets.withUnsafeBufferPointer { offsets in
                var low = range.lowerBound, high = range.upperBound
                while low < high {
                    let mid = (low + high) >> 1
                    let term = UnsafeBufferPointer(rebasing: all[Int(offsets[mid])..<Int(offsets[mid + 1])])
                    if term.lexicographicallyPrecedes(key) { low = mid + 1 } else { high = mid }
                }
                return low
            }
        }
    }

    /// The indices of `range` whose terms start with `prefix` (all of `range` for an empty one).
    public func range(prefix: [UInt8], within range: Range<Int>) -> Range<Int> {
        var prefix = prefix
        let start = prefix.withUnsafeBufferPointer { lowerBound($0, in: range) }
        // The first term after every term with the prefix: the prefix with its last byte raised
        // (UTF-8 has no 0xFF byte, so there is no carry).
        guard let last = prefix.indices.last else { return range }
        prefix[last] += 1
        return start..<prefix.withUnsafeBufferPointer { lowerBound($0, in: start..<range.upperBound) }
    }

    /// The indices of `range` whose terms continue with `key` after their first `offset` bytes,
    /// which every term of `range` shares: a trie child of `range`, found by two binary searches
    /// that compare only the bytes after `offset`.
    public func range(_ range: Range<Int>, continuingAt offset: Int, with key: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        bytes.withUnsafeBufferPointer { all in
            offsets.withUnsafeBufferPointer { offsets in
                /// -1, 0 or 1 as term `i`'s bytes after `offset`, cut to `key`'s length, sort
                /// before `key`, equal it, or sort after it.
                func order(_ i: Int) -> Int {
                    let start = Int(offsets[i]) + offset, end = Int(offsets[i + 1])
                    let n = min(end - start, key.count)
                    for j in 0..<n where all[start + j] != key[j] { return all[start + j] < key[j] ? -1 : 1 }
                    return end - start < key.count ? -1 : 0
                }
                var low = range.lowerBound, high = range.upperBound
                while low < high {
                    let mid = (low + high) >> 1
                    if order(mid) < 0 { low = mid + 1 } else { high = mid }
                }
                let start = low
                high = range.upperBound
                while low < high {
                    let mid = (low + high) >> 1
                    if order(mid) <= 0 { low = mid + 1 } else { high = mid }
                }
                return start..<low
            }
        }
    }

    /// The indices of the terms that start with `prefix` (every term for an empty prefix).
    public func range(prefix: String) -> Range<Int> { range(prefix: Array(prefix.utf8), within: 0..<count) }

    /// At most `limit` indices of `range`, the most frequent first (ties in byte order).
    public func mostFrequent(in range: Range<Int>, limit: Int) -> [Int] {
        guard limit > 0, !range.isEmpty else { return [] }
        // Best first over the canonical nodes that cover the range: a node's key is its largest
        // frequency, ties going to the node that starts first, so leaves come out in order.
        var heap = NodeHeap()
        var low = range.lowerBound + leafBase, high = range.upperBound + leafBase
        while low < high {
            if low & 1 == 1 { heap.push(node(low)); low += 1 }
            if high & 1 == 1 { high -= 1; heap.push(node(high)) }
            low >>= 1
            high >>= 1
        }
        var out: [Int] = []
        out.reserveCapacity(min(limit, range.count))
        while out.count < limit, let top = heap.pop() {
            if top.node >= leafBase {
                out.append(top.node - leafBase)
            } else {
                heap.push(node(2 * top.node))
                heap.push(node(2 * top.node + 1))
            }
        }
        return out
    }

    private func node(_ n: Int) -> NodeHeap.Entry {
        var first = n
        while first < leafBase { first <<= 1 }
        return NodeHeap.Entry(maxDocFreq: maxTree[n], first: first - leafBase, node: n)
    }
}

/// A binary max-heap of max-tree nodes by (largest frequency, then smallest first index).
private struct NodeHeap {
    struct Entry {
        var maxDocFreq: UInt32
        var first: Int
        var node: Int

        func before(_ other: Entry) -> Bool {
            maxDocFreq != other.maxDocFreq ? maxDocFreq > other.maxDocFreq : first < other.first
        }
    }

    private var entries: [Entry] = []

    mutating func push(_ entry: Entry) {
        entries.append(entry)
        var i = entries.count - 1
        while i > 0, entries[i].before(entries[(i - 1) / 2]) {
            entries.swapAt(i, (i - 1) / 2)
            i = (i - 1) / 2
        }
    }

    mutating func pop() -> Entry? {
        guard let top = entries.first else { return nil }
        let last = entries.removeLast()
        guard !entries.isEmpty else { return top }
        entries[0] = last
        var i = 0
        while true {
            let left = 2 * i + 1, right = left + 1
            var best = i
            if left < entries.count, entries[left].before(entries[best]) { best = left }
            if right < entries.count, entries[right].before(entries[best]) { best = right }
            if best == i { return top }
            entries.swapAt(i, best)
            i = best
        }
    }
}
