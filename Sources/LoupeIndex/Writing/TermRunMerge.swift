/// Walks the union of several ``TermRun``s' terms in key order (field, then term bytes), handing
/// them out in rounds: how a commit merges a writer's flushed batches. Each run is read through
/// its own ``SpillReader``, so the merge holds a buffer per run and one round, whatever the size
/// of the runs.
struct TermRunMerge {
    /// One round of terms: their keys and the postings of each run holding them, copied into one arena.
    struct Round {
        var arena: [UInt8] = []
        /// Per term: its key in `arena`, and its parts (indexes into ``parts``), in run order.
        var terms: [(key: Range<Int>, parts: Range<Int>)] = []
        /// Postings bytes of one run's entry (``TermRun/decode(_:into:)``), in `arena`.
        var parts: [Range<Int>] = []

        mutating func removeAll() {
            arena.removeAll(keepingCapacity: true)
            terms.removeAll(keepingCapacity: true)
            parts.removeAll(keepingCapacity: true)
        }

        /// Bytes of postings of term `term`: a measure of the work of encoding it.
        func byteCount(_ term: Int) -> Int {
            terms[term].parts.reduce(0) { $0 + parts[$1].count }
        }

        /// Memory a term holds beyond its bytes in `arena` while its round is merged: its entries
        /// here, and its encoded form until the round is put (its ``EncodedTerms`` entry and
        /// chunks' headers). Most terms are rare, with a dozen bytes of postings, so a round
        /// measured by its bytes alone would hold a quarter of a million of them.
        static let termCost = 256

        /// What the round holds, counting ``termCost`` per term: the measure a round is cut at.
        var cost: Int { arena.count + terms.count * Self.termCost }
    }

    /// The most runs one merge takes.
    static let maxRuns = 64

    private var readers: [SpillReader]
    /// Each run's current entry: its key, and its postings (valid until that reader moves on).
    private var heads: [(key: UnsafeRawBufferPointer, postings: UnsafeRawBufferPointer)?]

    /// Opens the runs `regions` of `file`, in batch-place order (at most ``maxRuns``).
    init(_ file: SpillFile, regions: [Range<Int>]) throws {
        precondition(regions.count <= Self.maxRuns, "TermRunMerge: too many runs")
        readers = regions.map { SpillReader(file, region: $0) }
        heads = []
        for r in readers.indices { heads.append(try Self.head(&readers[r])) }
    }

    /// Frees the readers' buffers.
    mutating func close() {
        for r in readers.indices { readers[r].close() }
        readers = []
        heads = []
    }

    /// Fills `round` with the next terms in key order, until its ``Round/cost`` reaches `bytes` or
    /// the runs are all read; returns false when there was no term left.
    mutating func next(_ round: inout Round, bytes: Int) throws -> Bool {
        round.removeAll()
        while round.cost < bytes {
            var smallest = -1
            for r in heads.indices {
                guard let head = heads[r] else { continue }
                if smallest < 0 || IndexFormat.compareKeys(head.key, heads[smallest]!.key) < 0 { smallest = r }
            }
            guard smallest >= 0 else { break }
            let key = heads[smallest]!.key
            let keyStart = round.arena.count
            round.arena.append(contentsOf: key)
            let keyRange = keyStart..<round.arena.count
            let firstPart = round.parts.count
            // The runs holding the key, found before any of them moves on (which invalidates `key`).
            var holding = UInt64(1) << UInt64(smallest)
            for r in (smallest + 1)..<heads.count {
                if let head = heads[r], IndexFormat.compareKeys(head.key, key) == 0 { holding |= UInt64(1) << UInt64(r) }
            }
            for r in smallest..<heads.count where holding & (UInt64(1) << UInt64(r)) != 0 {
                let start = round.arena.count
                round.arena.append(contentsOf: heads[r]!.postings)
                round.parts.append(start..<round.arena.count)
                heads[r] = try Self.head(&readers[r])
            }
            round.terms.append((keyRange, firstPart..<round.parts.count))
        }
        return !round.terms.isEmpty
    }

    private static func head(_ reader: inout SpillReader) throws -> (key: UnsafeRawBufferPointer, postings: UnsafeRawBufferPointer)? {
        guard let entry = try reader.next() else { return nil }
        let (key, postings) = try TermRun.key(of: entry)
        return (key, UnsafeRawBufferPointer(rebasing: entry[postings...]))
    }

}
