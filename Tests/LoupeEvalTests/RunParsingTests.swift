import Testing
@testable import LoupeEval

/// Reading run text with trec_eval.py's rules, and building runs in memory.
@Suite struct RunParsingTests {
    @Test func readsDocumentsAndScoresIgnoringQ0RankAndTag() throws {
        let run = try Run(parsing: "1 Q0 a 7 2.5 x\n1 whatever b -3 1e-3 y\n2 Q0 a 1 -4 z\n", source: "t")
        #expect(run.results == [
            "1": [ScoredDocument(docid: "a", score: 2.5), ScoredDocument(docid: "b", score: 0.001)],
            "2": [ScoredDocument(docid: "a", score: -4)],
        ])
    }

    @Test func aRepeatedDocidKeepsItsFirstPositionAndHighestScore() throws {
        let run = try Run(parsing: "1 Q0 a 1 1 t\n1 Q0 b 2 5 t\n1 Q0 a 3 3 t\n1 Q0 a 4 2 t\n", source: "t")
        #expect(run.results["1"] == [ScoredDocument(docid: "a", score: 3), ScoredDocument(docid: "b", score: 5)])
    }

    @Test func scoresUsePythonFloatSyntax() throws {
        let run = try Run(parsing: "1 Q0 a 1 inf t\n1 Q0 b 1 -Infinity t\n1 Q0 c 1 1_000.5 t\n", source: "t")
        #expect(run.results["1"]?.map(\.score) == [.infinity, -.infinity, 1000.5])
    }

    @Test func everyLineNeedsSixColumns() throws {
        let error = #expect(throws: TrecFileError.self) {
            try Run(parsing: "1 Q0 a 1 2 t\n1 Q0 b 2 t\n", source: "my.run")
        }
        #expect(error?.description == "my.run:2: expected 6 columns, got 5")
    }

    @Test func scoresMustBeNumbers() throws {
        let error = #expect(throws: TrecFileError.self) {
            try Run(parsing: "\n1 Q0 a 1 0x1p3 t\n", source: "my.run")
        }
        #expect(error?.description == "my.run:2: score '0x1p3' is not a number")
    }

    @Test func buildingInMemoryMergesRepeatsAndDropsEmptyQueries() {
        let run = Run(results: [
            "1": [ScoredDocument(docid: "a", score: 1), ScoredDocument(docid: "a", score: 4)],
            "2": [],
        ])
        #expect(run.results == ["1": [ScoredDocument(docid: "a", score: 4)]])
    }
}
