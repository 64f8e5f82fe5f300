import LoupeIndex

/// Scores one term in one field with BM25, over the field's one-byte length codes (``FieldNorm``):
/// a posting's score is a code load, a table load and a division (``TermWeight``).
public final class TermScorer: Scorer {
    let postings: TermPostings
    let weight: TermWeight
    let field: IndexField
    let reader: IndexReader
    let lengths: FieldLengths
    let term: String
    public private(set) lazy var maxScore: Double = {
        var best = 0.0
        postings.forEachBlockBound { best = max(best, weight.bound($0)) }
        return best
    }()

    init(term: String, field: IndexField, postings: TermPostings, weight: TermWeight, reader: IndexReader) {
        self.term = term
        self.field = field
        self.postings = postings
        self.weight = weight
        self.reader = reader
        lengths = reader.lengths(field)
    }

    @inline(__always) public var doc: UInt32 { postings.doc }
    @inline(__always) public func next() -> UInt32 { postings.next() }
    @inline(__always) public func advance(to target: UInt32) -> UInt32 { postings.advance(to: target) }

    @inline(__always)
    public func score() -> Double {
        weight.score(tf: postings.tf, norm: lengths.norm(postings.doc))
    }

    /// An upper bound of the scores in the block the postings' metadata points at.
    @inline(__always)
    public func blockMaxScore() -> Double {
        weight.bound(postings.blockImpacts)
    }

    public func explain(into out: inout [ScoreExplanation]) {
        out.append(ScoreExplanation(
            description: term, field: field.name, tf: Double(postings.tf), docFreq: Double(postings.info.docFreq),
            docCount: Double(reader.statistics.liveDocs), idf: weight.idf, length: Double(lengths.length(doc)),
            averageLength: weight.averageLength, k1: weight.parameters.k1, b: weight.parameters.b, boost: weight.boost,
            score: score()))
    }
}
