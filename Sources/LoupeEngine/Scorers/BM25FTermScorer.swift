import LoupeCodec
import LoupeIndex

/// Scores one term over several weighted fields with BM25F: the field frequencies are
/// length-normalized per field, weighted, and added into one pseudo-frequency, which is then
/// saturated once:
///
///     tf̃ = Σ_f w_f · tf_f / (1 - b + b · dl_f / avgdl_f)
///
/// with `dl_f` the field's one-byte length code decoded (``FieldNorm``) and `avgdl_f` exact; the
/// per-field factor is looked up in a table of 256 (``NormTable``).
///     score = boost · idf · (k1 + 1) · tf̃ / (k1 + tf̃)
///
/// So a word in the title adds to the evidence of the body instead of earning a second,
/// separately saturated score. The idf uses the largest per-field document frequency (the
/// closest to "documents containing the term in any field" that the per-field dictionaries give).
public final class BM25FTermScorer: Scorer {
    struct FieldPostings {
        let field: IndexField
        let postings: TermPostings
        /// The field's length codes, looked up for every scored document.
        let lengths: FieldLengths
        let weight: Double
        /// The field's normalization `1 / (1 - b + b · dl / avgdl)` per length code
        /// (``NormTable/bm25f(_:averageLength:)``), and its values read directly.
        let norms: NormTable
        private let normalization: UnsafePointer<Double>

        init(field: IndexField, postings: TermPostings, lengths: FieldLengths, weight: Double, norms: NormTable) {
            self.field = field
            self.postings = postings
            self.lengths = lengths
            self.weight = weight
            self.norms = norms
            normalization = norms.values
        }

        @inline(__always)
        func normalizedFrequency(tf: UInt32, norm: UInt8) -> Double {
            weight * Double(tf) * normalization[Int(norm)]
        }

        /// The largest normalized frequency a posting dominated by `impacts` can have (the exact
        /// impact lengths encoded as the postings' were: the code is monotone).
        @inline(__always)
        func bound(_ impacts: Impacts) -> Double {
            max(normalizedFrequency(tf: impacts.tf1, norm: FieldNorm.encode(impacts.length1)),
                normalizedFrequency(tf: impacts.tf2, norm: FieldNorm.encode(impacts.length2)))
        }
    }

    let term: String
    let fields: [FieldPostings]
    let reader: IndexReader
    let idf: Double
    let boost: Double
    let parameters: BM25Parameters
    private let factor: Double
    public private(set) var doc: UInt32 = terminatedDoc
    public private(set) lazy var maxScore: Double = {
        var bound = 0.0
        for f in fields {
            var best = 0.0
            f.postings.forEachBlockBound { best = max(best, f.bound($0)) }
            bound += best
        }
        return saturate(bound)
    }()

    init(term: String, fields: [FieldPostings], idf: Double, boost: Double, parameters: BM25Parameters, reader: IndexReader) {
        self.term = term
        self.fields = fields
        self.idf = idf
        self.boost = boost
        self.parameters = parameters
        self.reader = reader
        factor = boost * idf * (parameters.k1 + 1)
        doc = fields.reduce(terminatedDoc) { min($0, $1.postings.doc) }
    }

    @inline(__always)
    func saturated(_ frequency: Double) -> Double { saturate(frequency) }

    @inline(__always)
    private func saturate(_ frequency: Double) -> Double {
        frequency <= 0 ? 0 : factor * frequency / (parameters.k1 + frequency)
    }

    @discardableResult public func next() -> UInt32 {
        let current = doc
        var lowest = terminatedDoc
        for f in fields {
            var d = f.postings.doc
            if d == current { d = f.postings.next() }
            lowest = min(lowest, d)
        }
        doc = lowest
        return doc
    }

    @discardableResult public func advance(to target: UInt32) -> UInt32 {
        if doc >= target { return doc }
        var lowest = terminatedDoc
        for f in fields { lowest = min(lowest, f.postings.advance(to: target)) }
        doc = lowest
        return doc
    }

    @inline(__always)
    private func pseudoFrequency() -> Double {
        var total = 0.0
        for f in fields where f.postings.doc == doc {
            total += f.normalizedFrequency(tf: f.postings.tf, norm: f.lengths.norm(doc))
        }
        return total
    }

    public func score() -> Double { saturate(pseudoFrequency()) }

    /// One line per field that holds the term; each gets its share of the score in proportion
    /// to its part of tf̃, so the lines add up to ``score()``.
    public func explain(into out: inout [ScoreExplanation]) {
        let total = pseudoFrequency()
        let score = saturate(total)
        for f in fields where f.postings.doc == doc {
            let norm = f.lengths.norm(doc)
            let length = FieldNorm.decode(norm)
            let part = f.normalizedFrequency(tf: f.postings.tf, norm: norm)
            out.append(ScoreExplanation(
                description: term, field: f.field.name, tf: Double(f.postings.tf), docFreq: Double(f.postings.info.docFreq),
                docCount: Double(reader.statistics.liveDocs), idf: idf, length: Double(length),
                averageLength: reader.statistics.averageLength(f.field), k1: parameters.k1, b: parameters.b, boost: boost * f.weight,
                score: total > 0 ? score * part / total : 0))
        }
    }
}
