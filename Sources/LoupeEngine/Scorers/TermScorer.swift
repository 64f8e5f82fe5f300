import LoupeIndex

/// Scores one term in one field with BM25.
public final class TermScorer: Scorer {
    let postings: TermPostings
    let weight: TermWeight
    let field: IndexField
    let reader: IndexReader
    let term: String
    public private(set) lazy var maxScore: Double = {
        var best = 0.0
        postings.forEachBlockBound { maxTf, minLength in best = max(best, weight.score(tf: maxTf, length: minLength)) }
        return best
    }()

    init(term: String, field: IndexField, postings: TermPostings, weight: TermWeight, reader: IndexReader) {
        self.term = term
        self.field = field
        self.postings = postings
        self.weight = weight
        self.reader = reader
    }

    @inline(__always) public var doc: UInt32 { postings.doc }
    @inline(__always) public func next() -> UInt32 { postings.next() }
    @inline(__always) public func advance(to target: UInt32) -> UInt32 { postings.advance(to: target) }

    @inline(__always)
    public func score() -> Double {
        weight.score(tf: postings.tf, length: reader.length(field, postings.doc))
    }

    /// An upper bound of the scores in the block the postings' metadata points at.
    @inline(__always)
    func blockMaxScore() -> Double {
        weight.score(tf: postings.blockMaxTf, length: postings.blockMinLength)
    }

    public func explain(into out: inout [ScoreExplanation]) {
        out.append(ScoreExplanation(
            description: term, field: field.name, tf: Double(postings.tf), docFreq: Double(postings.info.docFreq),
            docCount: Double(reader.statistics.liveDocs), idf: weight.idf, length: Double(reader.length(field, doc)),
            averageLength: weight.averageLength, k1: weight.parameters.k1, b: weight.parameters.b, boost: weight.boost,
            score: score()))
    }
}
