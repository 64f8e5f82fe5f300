import Foundation
import Testing
@testable import LoupeEval

/// Each measure on tiny rankings, with the expected values worked out by hand.
@Suite struct MeasureTests {
    @Test func averagePrecisionAveragesPrecisionAtEachRelevantRankOverAllRelevant() {
        // Relevant a, b, c; a at rank 1 (precision 1/1), b at rank 3 (2/3), c never retrieved.
        let measures = QueryMeasures(judgments: ["a": 1, "b": 1, "c": 1, "y": 0], ranking: ["a", "x", "b", "y"])
        #expect(abs(measures.map - (1.0 + 2.0 / 3.0) / 3.0) < 1e-15)
    }

    @Test func averagePrecisionCountsOnlyPositiveGradesAsRelevant() {
        // Relevant: a (grade 4) only; b (0) and c (-1) are judged non-relevant.
        let measures = QueryMeasures(judgments: ["a": 4, "b": 0, "c": -1], ranking: ["b", "c", "a"])
        #expect(measures.map == 1.0 / 3.0)
    }

    @Test func precisionAtTenCountsRelevantInTheFirstTenOverTen() {
        let ranking = (1...12).map { "d\($0)" }
        let judgments = ["d1": 1, "d5": 2, "d10": 1, "d11": 1, "d12": -1]
        #expect(QueryMeasures(judgments: judgments, ranking: ranking).p10 == 0.3)
    }

    @Test func precisionAtTenDividesByTenEvenForShorterRankings() {
        let measures = QueryMeasures(judgments: ["a": 1, "b": 1], ranking: ["a", "b"])
        #expect(measures.p10 == 0.2)
    }

    @Test func recallAtHundredCountsRelevantInTheFirstHundredOverAllRelevant() {
        // Relevant at ranks 50, 100 and 101, and one never retrieved: 2 of 4 within the cut-off.
        let ranking = (1...150).map { "d\($0)" }
        let judgments = ["d50": 1, "d100": 3, "d101": 1, "unretrieved": 2, "d7": 0]
        #expect(QueryMeasures(judgments: judgments, ranking: ranking).recall100 == 0.5)
    }

    @Test func ndcgUsesGradesAsGainsWithLogDiscountAndTheIdealFromTheQrels() {
        // Ranking d (grade -1: gain 0), c (1), a (3), x (unjudged: 0).
        // DCG = 0/log2(2) + 1/log2(3) + 3/log2(4) + 0/log2(5) = 1/log2(3) + 1.5
        // Ideal: grades 3, 2, 1 (b, with grade 2, is judged but not retrieved): 3 + 2/log2(3) + 1/2.
        let judgments = ["a": 3, "b": 2, "c": 1, "d": -1, "e": 0]
        let measures = QueryMeasures(judgments: judgments, ranking: ["d", "c", "a", "x"])
        let expected = (1 / log2(3.0) + 1.5) / (3.5 + 2 / log2(3.0))
        #expect(abs(measures.ndcg10 - expected) < 1e-15)
        #expect(abs(measures.ndcg10 - 0.447500) < 1e-6)
    }

    @Test func ndcgOnlyLooksAtTheFirstTenOfRankingAndIdeal() {
        // Twelve relevant documents of grade 1: any ten of them in the first ten ranks is ideal.
        let relevant = (1...12).map { "r\($0)" }
        let judgments = Dictionary(uniqueKeysWithValues: relevant.map { ($0, 1) })
        #expect(QueryMeasures(judgments: judgments, ranking: relevant.reversed()).ndcg10 == 1)
        // A relevant document at rank 11 earns nothing: nine of ten ideal gains.
        let ranking = ["x"] + relevant
        let nine = (2...10).reduce(0.0) { $0 + 1 / log2(Double($1) + 1) }
        let ten = (1...10).reduce(0.0) { $0 + 1 / log2(Double($1) + 1) }
        #expect(abs(QueryMeasures(judgments: judgments, ranking: ranking).ndcg10 - nine / ten) < 1e-15)
    }

    @Test func aQueryWithoutRelevantDocumentsScoresZero() {
        let measures = QueryMeasures(judgments: ["a": 0, "b": -1], ranking: ["a", "b"])
        #expect(measures == .zero)
    }

    @Test func anEmptyRankingScoresZero() {
        #expect(QueryMeasures(judgments: ["a": 2], ranking: []) == .zero)
    }
}
