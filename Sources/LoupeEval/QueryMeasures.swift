import Foundation

/// The four measures of one query, with trec_eval's definitions.
///
/// For a ranking d₁, d₂, … (in ``evaluate(run:qrels:countMissingAsZero:)`` order) and R, the
/// number of documents judged relevant (grade above 0):
/// - ``map`` (`map`): the sum of precision at the rank of each relevant retrieved document,
///   divided by R (relevant documents not retrieved contribute 0);
/// - ``ndcg10`` (`ndcg_cut.10`): Σᵢ₌₁..₁₀ gain(dᵢ) / log₂(i + 1), with gain the relevance grade
///   (0 for unjudged documents and negative grades), divided by the same sum over the judged
///   grades above 0 sorted in descending order;
/// - ``p10`` (`P.10`): relevant documents among the first 10, divided by 10 (even when fewer are
///   retrieved);
/// - ``recall100`` (`recall.100`): relevant documents among the first 100, divided by R.
public struct QueryMeasures: Sendable, Equatable {
    /// Average precision.
    public var map: Double
    /// Normalised discounted cumulative gain at rank 10.
    public var ndcg10: Double
    /// Precision at rank 10.
    public var p10: Double
    /// Recall at rank 100.
    public var recall100: Double

    /// Creates a set of measures from the given values.
    public init(map: Double, ndcg10: Double, p10: Double, recall100: Double) {
        self.map = map
        self.ndcg10 = ndcg10
        self.p10 = p10
        self.recall100 = recall100
    }

    /// All four measures 0: the score of a judged query missing from the run under
    /// `countMissingAsZero`.
    static let zero = QueryMeasures(map: 0, ndcg10: 0, p10: 0, recall100: 0)

    /// Measures `ranking` (docids in evaluation order, each at most once) against the query's
    /// `judgments` (docid → grade). The floating-point operations are those of trec_eval.py,
    /// in the same order, so results agree bit for bit. A query with no relevant document
    /// scores 0 on every measure.
    init(judgments: [String: Int], ranking: [String]) {
        let relevantCount = judgments.values.count(where: { $0 > 0 })
        func isRelevant(_ docid: String) -> Bool { judgments[docid, default: 0] > 0 }
        func relevantAmongFirst(_ k: Int) -> Int { ranking.prefix(k).count(where: isRelevant) }

        var hits = 0
        var precisionSum = 0.0
        for (offset, docid) in ranking.enumerated() where isRelevant(docid) {
            hits += 1
            precisionSum += Double(hits) / Double(offset + 1)
        }
        map = relevantCount > 0 ? precisionSum / Double(relevantCount) : 0
        p10 = Double(relevantAmongFirst(10)) / 10
        recall100 = relevantCount > 0 ? Double(relevantAmongFirst(100)) / Double(relevantCount) : 0

        let gains = ranking.prefix(10).map { max(judgments[$0, default: 0], 0) }
        let idealGains = judgments.values.filter { $0 > 0 }.sorted(by: >).prefix(10)
        let ideal = Self.discountedCumulativeGain(idealGains)
        ndcg10 = ideal > 0 ? Self.discountedCumulativeGain(gains) / ideal : 0
    }

    /// Σ gainᵢ / log₂(i + 1) over `gains` in order, i counted from 1, summed left to right.
    private static func discountedCumulativeGain(_ gains: some Sequence<Int>) -> Double {
        var sum = 0.0
        for (offset, gain) in gains.enumerated() {
            sum += Double(gain) / log2(Double(offset + 2))
        }
        return sum
    }
}
