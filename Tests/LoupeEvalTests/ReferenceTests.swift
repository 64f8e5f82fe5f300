import Testing
@testable import LoupeEval

/// LoupeEval against the reference evaluator on ``ReferenceFixture``.
///
/// Every expected number below was produced by the project's reference evaluator,
/// `python3 trec_eval.py` (shared/eval/trec_eval.py, Python 3.11), on the fixture's qrels and run,
/// and is written with Python's `repr` (full precision).
@Suite struct ReferenceTests {
    let qrels: Qrels
    let run: Run

    init() throws {
        qrels = try Qrels(parsing: ReferenceFixture.qrels, source: "fixture.qrels")
        run = try Run(parsing: ReferenceFixture.run, source: "fixture.run")
    }

    @Test func meansMatchTheReference() {
        let evaluation = evaluate(run: run, qrels: qrels)
        #expect(evaluation.queries == 5)
        #expect(evaluation.missingQueries == ["7"])
        expectClose(evaluation.map, 0.2891354433914627)
        expectClose(evaluation.ndcg10, 0.30078049624896935)
        expectClose(evaluation.p10, 0.18)
        expectClose(evaluation.recall100, 0.8818181818181818)
    }

    @Test func perQueryMeasuresMatchTheReference() {
        let expected: [String: QueryMeasures] = [
            "3": QueryMeasures(map: 0.683633207070707, ndcg10: 0.6913628197251253, p10: 0.5, recall100: 1.0),
            "4": QueryMeasures(map: 0.375, ndcg10: 0.5802792108518124, p10: 0.2, recall100: 1.0),
            "5": QueryMeasures(map: 0.10293522267206477, ndcg10: 0.06894748711075761, p10: 0.1, recall100: 0.75),
            "6": QueryMeasures(map: 0.17878787878787877, ndcg10: 0.16331296355715133, p10: 0.1, recall100: 0.75),
            "8": QueryMeasures(map: 0.10532090842666299, ndcg10: 0.0, p10: 0.0, recall100: 0.9090909090909091),
        ]
        let perQuery = evaluate(run: run, qrels: qrels).perQuery
        #expect(Set(perQuery.keys) == Set(expected.keys))
        for (query, measures) in expected {
            let actual = perQuery[query] ?? .zero
            expectClose(actual.map, measures.map, query)
            expectClose(actual.ndcg10, measures.ndcg10, query)
            expectClose(actual.p10, measures.p10, query)
            expectClose(actual.recall100, measures.recall100, query)
        }
    }

    @Test func meansWithMissingQueriesCountedAsZeroMatchTheReference() {
        let evaluation = evaluate(run: run, qrels: qrels, countMissingAsZero: true)
        #expect(evaluation.queries == 6)
        #expect(evaluation.perQuery["7"] == .zero)
        expectClose(evaluation.map, 0.24094620282621892)
        expectClose(evaluation.ndcg10, 0.2506504135408078)
        expectClose(evaluation.p10, 0.15)
        expectClose(evaluation.recall100, 0.7348484848484849)
    }

    private func expectClose(
        _ actual: Double, _ expected: Double, _ context: String = "mean",
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(abs(actual - expected) <= 1e-12, "\(context): \(actual) vs \(expected)", sourceLocation: sourceLocation)
    }
}
