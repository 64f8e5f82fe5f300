import LoupeEngine
import LoupeIndex

/// A block of 128 postings of the search fixture's body field, scored as `TermScorer` scores
/// them: per posting a one-byte length code (`FieldLengths.norm`), a load from the query's BM25
/// length table (`NormTable`) and a division. The doc ids are spread over all 50,000 documents
/// (as a conjunction's candidates are), in doc order, with tfs 1–4.
final class NormScoringFixture: @unchecked Sendable {
    let docs: [UInt32]
    let tfs: [UInt32]
    let lengths: FieldLengths
    let weight: TermWeight

    init(_ search: SearchFixture) {
        var rng = SplitMix64(seed: 0x0B17E)
        docs = (0..<128).map { _ in UInt32(rng.next() % UInt64(SearchFixture.documents)) }.sorted()
        tfs = (0..<128).map { _ in UInt32(1 + rng.next() % 4) }
        let reader = search.reader
        lengths = reader.lengths(.body)
        let parameters = BM25Parameters()
        let averageLength = reader.statistics.averageLength(.body)
        weight = TermWeight(
            idf: 1.5, boost: 1, parameters: parameters, averageLength: averageLength,
            norms: NormTable.bm25(parameters, averageLength: averageLength))
    }

    /// The sum of the block's scores.
    @inline(__always)
    func scoreBlock() -> Double {
        var total = 0.0
        for i in 0..<docs.count { total += weight.score(tf: tfs[i], norm: lengths.norm(docs[i])) }
        return total
    }
}

/// Built on first use, over the search fixture's index.
let normScoringFixture = NormScoringFixture(searchFixture)
