import HeapModule

/// A scored document; ordered so that the better hit is greater.
public struct ScoredDoc: Comparable, Sendable {
    public var score: Double
    public var doc: UInt32

    /// Higher scores rank first; equal scores rank the lower doc id (the earlier indexed) first.
    public static func < (a: ScoredDoc, b: ScoredDoc) -> Bool {
        a.score != b.score ? a.score < b.score : a.doc > b.doc
    }
}

/// Keeps the `k` best hits seen, in a bounded heap.
public struct TopKCollector {
    public let k: Int
    private var heap = Heap<ScoredDoc>()

    public init(k: Int) { self.k = k }

    /// The score a new hit must beat to enter (−∞ while the heap is not full). Documents are
    /// offered in increasing doc order, so a later document with an equal score never enters.
    public private(set) var threshold: Double = -.infinity

    /// Offers a hit; returns true when it entered.
    @inline(__always)
    @discardableResult
    public mutating func offer(doc: UInt32, score: Double) -> Bool {
        guard score > threshold || heap.count < k, k > 0 else { return false }
        let hit = ScoredDoc(score: score, doc: doc)
        if heap.count < k {
            heap.insert(hit)
        } else {
            guard heap.min! < hit else { return false }
            heap.replaceMin(with: hit)
        }
        if heap.count == k { threshold = heap.min!.score }
        return true
    }

    /// The kept hits, best first.
    public func sorted() -> [ScoredDoc] { heap.unordered.sorted(by: >) }
}
