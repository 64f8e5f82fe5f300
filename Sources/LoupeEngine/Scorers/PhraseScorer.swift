import LoupeIndex

/// Matches documents where the terms stand at their query offsets (exact phrase), or within
/// `slop` position moves of them in any order (sloppy phrase, as Lucene defines slop), and scores
/// them with BM25 using the phrase frequency as tf.
///
/// Matching semantics, shared with the reference matcher in the tests: with `aᵢ = pᵢ - offsetᵢ`
/// for chosen positions `pᵢ` of each term, a document matches when some choice has
/// `max(aᵢ) - min(aᵢ) ≤ slop`. Exact phrases count every position where all terms align; sloppy
/// phrases add `1 / (1 + matchLength)` for every window the sweep finds.
public final class PhraseScorer: Scorer {
    let postings: [TermPostings]
    /// The postings by increasing document frequency: the rarest leads the intersection.
    private let byRarity: [TermPostings]
    let positionReaders: [PositionsReader]
    let offsets: [UInt32]
    let slop: Int
    let weight: TermWeight
    let field: IndexField
    let reader: IndexReader
    let text: String
    public let maxScore: Double
    private var buffers: [UnsafeMutablePointer<UInt32>]
    private var capacities: [Int]
    private let cursors: UnsafeMutablePointer<Int>
    private var frequency = 0.0
    private let lengths: FieldLengths
    public private(set) var doc: UInt32 = terminatedDoc
    /// Candidates whose score cannot exceed this are passed over without reading positions
    /// (top-k collection raises it as the heap fills; counting leaves it at −∞).
    var minimumCompetitiveScore = -Double.infinity

    init(text: String, field: IndexField, terms: [TermScorer], offsets: [UInt32], slop: Int, weight: TermWeight, reader: IndexReader) {
        self.text = text
        self.field = field
        self.postings = terms.map(\.postings)
        self.positionReaders = terms.map { PositionsReader(reader: reader, postings: $0.postings) }
        self.offsets = offsets
        self.slop = slop
        self.weight = weight
        self.reader = reader
        lengths = reader.lengths(field)
        byRarity = self.postings.sorted { $0.info.docFreq < $1.info.docFreq }
        // A phrase occurs at most as often as its rarest word: bound tf by the smallest of the
        // words' largest tfs, and length by the shortest length any of them saw.
        var maxTf = UInt32.max
        var minLength = UInt32.max
        for term in terms {
            var termMax: UInt32 = 0
            term.postings.forEachBlockBound { impacts in
                termMax = max(termMax, impacts.tf1, impacts.tf2)
                minLength = min(minLength, impacts.length1, impacts.length2)
            }
            maxTf = min(maxTf, termMax)
        }
        maxScore = terms.isEmpty ? 0 : weight.score(tf: maxTf, length: minLength)
        capacities = terms.map { _ in 16 }
        buffers = terms.map { _ in .allocate(capacity: 16) }
        cursors = .allocate(capacity: max(terms.count, 1))
        doc = terms.isEmpty ? terminatedDoc : settle(align(byRarity[0].doc))
    }

    /// The first doc ≥ `start` that every term's postings hold.
    private func align(_ start: UInt32) -> UInt32 {
        leapfrog(from: start, byRarity) { $0.advance(to: $1) }
    }

    /// From candidate `start`, the first conjunction document with a phrase match.
    private func settle(_ start: UInt32) -> UInt32 {
        var d = start
        while d != terminatedDoc {
            if minimumCompetitiveScore > -.infinity && bound(d) <= minimumCompetitiveScore {
                d = align(byRarity[0].next())
                continue
            }
            frequency = phraseFrequency()
            if frequency > 0 { return d }
            d = align(byRarity[0].next())
        }
        return d
    }

    @discardableResult public func next() -> UInt32 {
        guard doc != terminatedDoc else { return doc }
        doc = settle(align(byRarity[0].next()))
        return doc
    }

    @discardableResult public func advance(to target: UInt32) -> UInt32 {
        if doc >= target { return doc }
        doc = settle(align(byRarity[0].advance(to: target)))
        return doc
    }

    public func score() -> Double {
        weight.score(frequency: frequency, length: lengths.length(doc))
    }

    /// An upper bound of the score of candidate `d`: an exact phrase occurs at most as often as
    /// its rarest word in the document; a sloppy one counts at most one match per position.
    private func bound(_ d: UInt32) -> Double {
        var smallest = UInt32.max
        var total: UInt32 = 0
        for p in postings {
            smallest = min(smallest, p.tf)
            total &+= p.tf
        }
        return weight.score(tf: slop == 0 ? smallest : total, length: lengths.length(d))
    }

    public func explain(into out: inout [ScoreExplanation]) {
        out.append(ScoreExplanation(
            description: "\"\(text)\"" + (slop > 0 ? "~\(slop)" : ""), field: field.name, tf: frequency,
            docFreq: Double(postings.map(\.info.docFreq).min() ?? 0), docCount: Double(reader.statistics.liveDocs),
            idf: weight.idf, length: Double(reader.length(field, doc)), averageLength: weight.averageLength,
            k1: weight.parameters.k1, b: weight.parameters.b, boost: weight.boost, score: score()))
    }

    /// Loads each term's positions for the current document, shifted by its offset, and counts matches.
    private func phraseFrequency() -> Double {
        for i in 0..<postings.count {
            let tf = Int(postings[i].tf)
            if tf > capacities[i] {
                buffers[i].deallocate()
                capacities[i] = max(tf, capacities[i] * 2)
                buffers[i] = .allocate(capacity: capacities[i])
            }
            guard positionReaders[i].positions(into: buffers[i]) else { return 0 }
        }
        return slop == 0 ? exactFrequency() : sloppyFrequency()
    }

    /// Positions p of the first term such that every term i has p + offsetᵢ - offset₀.
    private func exactFrequency() -> Double {
        cursors.update(repeating: 0, count: postings.count)
        var count = 0
        let lead = buffers[0]
        outer: for j in 0..<Int(postings[0].tf) {
            let base = Int64(lead[j]) - Int64(offsets[0])
            for i in 1..<postings.count {
                let want = base + Int64(offsets[i])
                let tf = Int(postings[i].tf)
                while cursors[i] < tf && Int64(buffers[i][cursors[i]]) < want { cursors[i] += 1 }
                if cursors[i] == tf { break outer }
                if Int64(buffers[i][cursors[i]]) != want { continue outer }
            }
            count += 1
        }
        return Double(count)
    }

    /// The sweep over offset-adjusted positions: repeatedly take the term whose adjusted position
    /// is lowest; the window to the highest one is a match when it spans at most `slop`.
    private func sloppyFrequency() -> Double {
        let n = postings.count
        cursors.update(repeating: 0, count: n)
        func adjusted(_ i: Int) -> Int64 { Int64(buffers[i][cursors[i]]) - Int64(offsets[i]) }
        var high = Int64.min
        for i in 0..<n { high = max(high, adjusted(i)) }
        var total = 0.0
        while true {
            var low = 0
            for i in 1..<n where adjusted(i) < adjusted(low) { low = i }
            let length = high - adjusted(low)
            if length <= Int64(slop) { total += 1.0 / Double(1 + length) }
            cursors[low] += 1
            if cursors[low] == Int(postings[low].tf) { break }
            high = max(high, adjusted(low))
        }
        return total
    }
}
