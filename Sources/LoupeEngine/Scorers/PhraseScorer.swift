import LoupeCodec
import LoupeIndex

/// Matches documents where the terms stand at their query offsets (exact phrase), or within
/// `slop` position moves of them in any order (sloppy phrase, as Lucene defines slop), and scores
/// them with BM25 using the phrase frequency as tf.
///
/// Matching semantics, shared with the reference matcher in the tests: with `aᵢ = pᵢ - offsetᵢ`
/// for chosen positions `pᵢ` of each term, a document matches when some choice has
/// `max(aᵢ) - min(aᵢ) ≤ slop`. Exact phrases count every position where all terms align; sloppy
/// phrases add `1 / (1 + matchLength)` for every window the sweep finds.
///
/// Cost: candidates come from a leapfrog of the postings led by the rarest word. An exact phrase
/// reads positions word by word, fewest occurrences first, and stops at the first word that leaves
/// no alignment, so a frequent word's positions are read only where the others already align.
/// Under top-k collection (``minimumCompetitiveScore`` above −∞) whole blocks are passed over on
/// their impacts alone when the phrase cannot score above the threshold in them.
public final class PhraseScorer: Scorer {
    let postings: [TermPostings]
    /// The postings by increasing document frequency: the rarest leads the intersection.
    private let byRarity: [TermPostings]
    /// Unretained views of ``postings``, ``byRarity`` and ``positionReaders`` (which keep them
    /// alive), for the per-candidate loops: no reference counting per candidate.
    private let termHandles: [Unmanaged<TermPostings>]
    private let rarityHandles: [Unmanaged<TermPostings>]
    private let readerHandles: [Unmanaged<PositionsReader>]
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
    /// Exact phrases: the term indices of the current candidate, fewest occurrences first.
    private let order: UnsafeMutablePointer<Int>
    /// `max(offsets) - offsets[i]`: added to term i's positions, aligned occurrences coincide.
    private let biases: [UInt32]
    private var frequency = 0.0
    /// The block-max bound ``blockBound`` holds for candidates up to this doc id, and was computed
    /// for the threshold ``boundThreshold``.
    private var boundEnd: UInt32 = 0
    private var blockBound = Double.infinity
    private var boundThreshold = -Double.infinity
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
        termHandles = self.postings.map { Unmanaged.passUnretained($0) }
        rarityHandles = byRarity.map { Unmanaged.passUnretained($0) }
        readerHandles = positionReaders.map { Unmanaged.passUnretained($0) }
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
        maxScore = terms.isEmpty ? 0 : weight.score(tf: maxTf, norm: FieldNorm.encode(minLength))
        capacities = terms.map { _ in 16 }
        buffers = terms.map { _ in .allocate(capacity: 16) }
        cursors = .allocate(capacity: max(terms.count, 1))
        order = .allocate(capacity: max(terms.count, 1))
        let highest = offsets.max() ?? 0
        biases = offsets.map { highest - $0 }
        doc = terms.isEmpty ? terminatedDoc : settle(align(byRarity[0].doc))
    }

    /// The first doc ≥ `start` that every term's postings hold.
    private func align(_ start: UInt32) -> UInt32 {
        leapfrog(from: start, rarityHandles) { postings, target in postings._withUnsafeGuaranteedRef { $0.advance(to: target) } }
    }

    /// Calls `body` with the rarest term's postings, unretained.
    @inline(__always)
    private func lead(_ body: (TermPostings) -> UInt32) -> UInt32 { rarityHandles[0]._withUnsafeGuaranteedRef(body) }

    /// Term `i`'s postings, unretained.
    @inline(__always)
    private func tf(_ i: Int) -> UInt32 { termHandles[i]._withUnsafeGuaranteedRef { $0.tf } }

    deinit {
        for buffer in buffers { buffer.deallocate() }
        cursors.deallocate()
        order.deallocate()
    }

    /// From candidate `start`, the first conjunction document with a phrase match.
    private func settle(_ start: UInt32) -> UInt32 {
        var d = start
        while d != terminatedDoc {
            let threshold = minimumCompetitiveScore
            if threshold > -.infinity {
                if d > boundEnd || boundThreshold != threshold {
                    blockBound = bound(ofBlocksAt: d)
                    boundThreshold = threshold
                }
                if blockBound <= threshold {
                    let target = firstCompetitiveBlockStart(after: boundEnd, threshold)
                    d = align(lead { $0.advance(to: target) })
                    continue
                }
                if bound(d) <= threshold {
                    d = align(lead { $0.next() })
                    continue
                }
            }
            frequency = phraseFrequency()
            if frequency > 0 { return d }
            d = align(lead { $0.next() })
        }
        return d
    }

    @discardableResult public func next() -> UInt32 {
        guard doc != terminatedDoc else { return doc }
        doc = settle(align(lead { $0.next() }))
        return doc
    }

    @discardableResult public func advance(to target: UInt32) -> UInt32 {
        if doc >= target { return doc }
        doc = settle(align(lead { $0.advance(to: target) }))
        return doc
    }

    public func score() -> Double {
        weight.score(frequency: frequency, norm: lengths.norm(doc))
    }

    /// Points every term's block metadata at the block that may hold `target`, sets ``boundEnd``
    /// to the last doc id all those blocks cover, and returns a bound of the phrase's score there.
    ///
    /// Each term's impacts dominate its postings in the block: a document's tf is at most one
    /// corner's tf while its length is at least that corner's length. An exact phrase occurs at most
    /// as often as each of its words, so the smallest of the words' corner bounds holds; a sloppy
    /// one counts at most one match per position, so the sum of the words' largest tfs at the
    /// longest of their shortest lengths holds.
    private func bound(ofBlocksAt target: UInt32) -> Double {
        var end = terminatedDoc
        var smallest = Double.infinity
        var tfTotal: UInt32 = 0
        var length: UInt32 = 0
        for handle in termHandles {
            let (last, impacts) = handle._withUnsafeGuaranteedRef { ($0.shallowAdvance(to: target), $0.blockImpacts) }
            end = min(end, last)
            if slop == 0 {
                smallest = min(smallest, weight.bound(impacts))
            } else {
                let (sum, overflow) = tfTotal.addingReportingOverflow(max(impacts.tf1, impacts.tf2))
                tfTotal = overflow ? .max : sum
                length = max(length, min(impacts.length1, impacts.length2))
            }
        }
        boundEnd = end
        // Only a term past its last block reports terminatedDoc: nothing can match any more.
        if end == terminatedDoc { return 0 }
        return slop == 0 ? smallest : weight.score(tf: tfTotal, norm: FieldNorm.encode(length))
    }

    /// The first doc id after `end` in a block run whose bound may beat `threshold`, found on the
    /// block metadata alone (no block is decoded); ``terminatedDoc`` when there is none.
    private func firstCompetitiveBlockStart(after end: UInt32, _ threshold: Double) -> UInt32 {
        var target = end
        while target != terminatedDoc {
            target += 1
            blockBound = bound(ofBlocksAt: target)
            if blockBound > threshold { return target }
            target = boundEnd
        }
        return terminatedDoc
    }

    /// An upper bound of the score of candidate `d`: an exact phrase occurs at most as often as
    /// its rarest word in the document; a sloppy one counts at most one match per position.
    private func bound(_ d: UInt32) -> Double {
        var smallest = UInt32.max
        var total: UInt32 = 0
        for i in termHandles.indices {
            let tf = self.tf(i)
            smallest = min(smallest, tf)
            total &+= tf
        }
        return weight.score(tf: slop == 0 ? smallest : total, norm: lengths.norm(d))
    }

    public func explain(into out: inout [ScoreExplanation]) {
        out.append(ScoreExplanation(
            description: "\"\(text)\"" + (slop > 0 ? "~\(slop)" : ""), field: field.name, tf: frequency,
            docFreq: Double(postings.map(\.info.docFreq).min() ?? 0), docCount: Double(reader.statistics.liveDocs),
            idf: weight.idf, length: Double(lengths.length(doc)), averageLength: weight.averageLength,
            k1: weight.parameters.k1, b: weight.parameters.b, boost: weight.boost, score: score()))
    }

    /// Counts the current document's matches (0 when a term's positions are missing).
    private func phraseFrequency() -> Double {
        if slop == 0 { return exactFrequency() }
        for i in 0..<postings.count {
            guard load(i) else { return 0 }
        }
        return sloppyFrequency()
    }

    /// Reads term `i`'s positions for the current document into `buffers[i]`; false when they are
    /// missing (a damaged index).
    @inline(__always)
    private func load(_ i: Int) -> Bool {
        let tf = Int(self.tf(i))
        if tf > capacities[i] {
            buffers[i].deallocate()
            capacities[i] = max(tf, capacities[i] * 2)
            buffers[i] = .allocate(capacity: capacities[i])
        }
        let buffer = buffers[i]
        return readerHandles[i]._withUnsafeGuaranteedRef { $0.positions(into: buffer) }
    }

    /// The number of positions where every term stands at its offset. The term with the fewest
    /// occurrences in the document gives the candidate alignments (positions plus bias); each next
    /// term, in increasing tf, keeps those it also has, and the first that keeps none ends the
    /// check before the remaining (more frequent) terms' positions are read.
    private func exactFrequency() -> Double {
        let n = postings.count
        for i in 0..<n {
            // Insertion sort by tf: n is the phrase's length, a handful.
            let tf = self.tf(i)
            var j = i
            while j > 0 && self.tf(order[j - 1]) > tf {
                order[j] = order[j - 1]
                j -= 1
            }
            order[j] = i
        }
        let first = order[0]
        guard load(first) else { return 0 }
        let candidates = buffers[first]
        var count = Int(tf(first))
        let firstBias = biases[first]
        for j in 0..<count { candidates[j] &+= firstBias }
        for k in 1..<n {
            let i = order[k]
            guard load(i) else { return 0 }
            let positions = buffers[i]
            let tf = Int(self.tf(i))
            let bias = biases[i]
            var kept = 0
            var c = 0
            var p = 0
            while c < count && p < tf {
                let want = candidates[c]
                let have = positions[p] &+ bias
                if have < want {
                    p += 1
                } else {
                    if have == want {
                        candidates[kept] = want
                        kept += 1
                        p += 1
                    }
                    c += 1
                }
            }
            count = kept
            if count == 0 { return 0 }
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
            if cursors[low] == Int(tf(low)) { break }
            high = max(high, adjusted(low))
        }
        return total
    }
}
