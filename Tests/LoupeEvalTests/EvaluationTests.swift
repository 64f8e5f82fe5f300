import Testing
@testable import LoupeEval

/// Which queries are evaluated, how documents are ranked, and how means are taken.
@Suite struct EvaluationTests {
    private func qrels(_ text: String) throws -> Qrels { try Qrels(parsing: text, source: "test.qrels") }
    private func run(_ text: String) throws -> Run { try Run(parsing: text, source: "test.run") }

    @Test func equalScoresAreRankedByDocidDescendingInStringOrder() throws {
        // In string order "9" > "10" > "1", so the ranking is 9, 10, 1 whatever the file order.
        let documents = "q Q0 1 1 2.5 t\nq Q0 10 2 2.5 t\nq Q0 9 3 2.5 t\n"
        let first = evaluate(run: try run(documents), qrels: try qrels("q 0 9 1\n"))
        let third = evaluate(run: try run(documents), qrels: try qrels("q 0 1 1\n"))
        #expect(first.map == 1)
        #expect(third.map == 1.0 / 3.0)
    }

    @Test func scoresNotTheRankColumnDefineTheRanking() throws {
        let documents = "q Q0 a 1 0.5 t\nq Q0 b 2 3.0 t\n"
        #expect(evaluate(run: try run(documents), qrels: try qrels("q 0 b 1\n")).map == 1)
    }

    @Test func negativeZeroAndZeroScoresTieAndFallBackToDocid() throws {
        let documents = "q Q0 a 1 0.0 t\nq Q0 b 2 -0.0 t\n"
        #expect(evaluate(run: try run(documents), qrels: try qrels("q 0 b 1\n")).map == 1)
    }

    @Test func nanScoresRankAfterEveryNumber() {
        let run = Run(results: ["q": [
            ScoredDocument(docid: "a", score: .nan),
            ScoredDocument(docid: "b", score: -.infinity),
        ]])
        #expect(TrecOrder.sorted(run.results["q"]!).map(\.docid) == ["b", "a"])
    }

    @Test func aRepeatedDocidCountsOnceWithItsHighestScore() throws {
        // c is listed at 0.1 and again at 9: it ranks first, and only once (R@100 stays 1/2).
        let documents = "q Q0 c 1 0.1 t\nq Q0 x 2 5 t\nq Q0 c 3 9 t\nq Q0 c 4 1 t\n"
        let evaluation = evaluate(run: try run(documents), qrels: try qrels("q 0 c 1\nq 0 d 1\n"))
        #expect(evaluation.map == 0.5)
        #expect(evaluation.recall100 == 0.5)
    }

    @Test func queriesWithoutRelevantDocumentsAreIgnored() throws {
        let judgments = try qrels("q1 0 a 1\nq2 0 a 0\nq2 0 b -1\n")
        let evaluation = evaluate(run: try run("q1 Q0 a 1 1 t\nq2 Q0 b 1 1 t\n"), qrels: judgments)
        #expect(evaluation.queries == 1)
        #expect(Array(evaluation.perQuery.keys) == ["q1"])
        #expect(evaluation.missingQueries.isEmpty)
    }

    @Test func runQueriesAbsentFromTheQrelsAreIgnored() throws {
        let evaluation = evaluate(run: try run("q1 Q0 a 1 1 t\nzz Q0 a 1 1 t\n"), qrels: try qrels("q1 0 a 1\n"))
        #expect(evaluation.queries == 1)
        #expect(evaluation.map == 1)
    }

    @Test func missingQueriesAreSkippedByDefault() throws {
        let judgments = try qrels("q1 0 a 1\nq2 0 a 1\nq3 0 b 1\n")
        let evaluation = evaluate(run: try run("q2 Q0 a 1 1 t\n"), qrels: judgments)
        #expect(evaluation.queries == 1)
        #expect(evaluation.map == 1)
        #expect(evaluation.missingQueries == ["q1", "q3"])
    }

    @Test func missingQueriesCountAsZeroWhenAsked() throws {
        let judgments = try qrels("q1 0 a 1\nq2 0 a 1\nq3 0 b 1\n")
        let evaluation = evaluate(run: try run("q2 Q0 a 1 1 t\n"), qrels: judgments, countMissingAsZero: true)
        #expect(evaluation.queries == 3)
        #expect(evaluation.map == 1.0 / 3.0)
        #expect(evaluation.perQuery["q1"] == .zero)
        #expect(evaluation.missingQueries == ["q1", "q3"])
    }

    @Test func meansAverageThePerQueryValues() throws {
        // q1: relevant a at rank 2 (AP 1/2, P@10 1/10); q2: relevant b at rank 1 (AP 1, P@10 1/10).
        let judgments = try qrels("q1 0 a 1\nq2 0 b 1\n")
        let evaluation = evaluate(run: try run("q1 Q0 x 1 2 t\nq1 Q0 a 2 1 t\nq2 Q0 b 1 1 t\n"), qrels: judgments)
        #expect(evaluation.map == 0.75)
        #expect(evaluation.p10 == 0.1)
        #expect(evaluation.recall100 == 1)
    }

    @Test func withNothingToEvaluateEveryMeanIsZero() throws {
        let evaluation = evaluate(run: try run(""), qrels: try qrels(""))
        #expect(evaluation.queries == 0)
        #expect([evaluation.map, evaluation.ndcg10, evaluation.p10, evaluation.recall100] == [0, 0, 0, 0])
    }
}
