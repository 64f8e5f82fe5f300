import HeapModule
import LoupeIndex

/// Keeps the `k` first matches in the order of a column (``HitOrder/modified``,
/// ``HitOrder/newest``), ties broken by higher score then lower doc id, in a bounded heap: a
/// sorted result list reads one column value per match and never sorts them all.
struct ColumnTopKCollector {
    /// A match with its sort key; ordered so that the hit that ranks later is smaller.
    struct Entry: Comparable {
        /// The column value, complemented for descending order, so a smaller key ranks first.
        var key: Int64
        var score: Double
        var doc: UInt32

        static func < (a: Entry, b: Entry) -> Bool {
            if a.key != b.key { return a.key > b.key }
            if a.score != b.score { return a.score < b.score }
            return a.doc > b.doc
        }
    }

    let k: Int
    let values: ColumnValues
    let descending: Bool
    private var heap = Heap<Entry>()

    init(k: Int, values: ColumnValues, descending: Bool) {
        self.k = k
        self.values = values
        self.descending = descending
    }

    /// Offers the current match of a scorer.
    mutating func offer(doc: UInt32, score: Double) {
        guard k > 0 else { return }
        let value = values.value(doc)
        let entry = Entry(key: descending ? ~value : value, score: score, doc: doc)
        if heap.count < k {
            heap.insert(entry)
        } else if heap.min! < entry {
            heap.replaceMin(with: entry)
        }
    }

    /// The kept matches, first first.
    func sorted() -> [ScoredDoc] { heap.unordered.sorted(by: >).map { ScoredDoc(score: $0.score, doc: $0.doc) } }

    /// The first `k` live matches of `scorer` in `order`, and how many live matches there are.
    static func collect(_ scorer: Scorer, k: Int, order: HitOrder, reader: IndexReader) -> (hits: [ScoredDoc], total: Int) {
        var collector = ColumnTopKCollector(k: k, values: reader.values(.modified), descending: order == .newest)
        let checkDeleted = reader.statistics.deletedDocs > 0
        var total = 0
        var doc = scorer.doc
        while doc != terminatedDoc {
            if !checkDeleted || !reader.isDeleted(doc) {
                total += 1
                collector.offer(doc: doc, score: scorer.score())
            }
            doc = scorer.next()
        }
        return (collector.sorted(), total)
    }
}
