import Foundation
import Testing
import LoupeEval

/// Writing runs, and reading back what was written.
@Suite struct RunWriterTests {
    @Test func writesTrecLinesInEvaluationOrderWithRanks() throws {
        let writer = try RunWriter(tag: "loupe")
        let text = try writer.format(query: "7", documents: [
            ScoredDocument(docid: "1", score: 2),
            ScoredDocument(docid: "b", score: 3.25),
            ScoredDocument(docid: "10", score: 2),
        ])
        #expect(text == "7 Q0 b 1 3.25 loupe\n7 Q0 10 2 2.0 loupe\n7 Q0 1 3 2.0 loupe\n")
    }

    @Test func writesQueriesInNaturalOrder() throws {
        let run = Run(results: [
            "10": [ScoredDocument(docid: "a", score: 1)],
            "9": [ScoredDocument(docid: "a", score: 1)],
            "b": [ScoredDocument(docid: "a", score: 1)],
        ])
        let queries = try RunWriter(tag: "t").format(run).split(separator: "\n").map { $0.split(separator: " ")[0] }
        #expect(queries == ["9", "b", "10"])
    }

    @Test func scoresReadBackExactly() throws {
        let scores = [1.0 / 3.0, 1e-300, -0.0, 123456789.123456789, 2.5e-7, .infinity, -.infinity]
        let documents = scores.enumerated().map { ScoredDocument(docid: "d\($0.offset)", score: $0.element) }
        let text = try RunWriter(tag: "t").format(query: "1", documents: documents)
        let readBack = try Run(parsing: text, source: "written").results["1"] ?? []
        #expect(Set(readBack) == Set(documents))
    }

    @Test func aWrittenRunEvaluatesLikeTheRunInMemory() throws {
        let qrels = try Qrels(parsing: ReferenceFixture.qrels, source: "fixture.qrels")
        let run = try Run(parsing: ReferenceFixture.run, source: "fixture.run")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-eval-\(UUID().uuidString).run")
        defer { try? FileManager.default.removeItem(at: url) }
        try RunWriter(tag: "t").write(run, to: url.path)
        let before = evaluate(run: run, qrels: qrels)
        let after = evaluate(run: try Run(contentsOf: url.path), qrels: qrels)
        #expect(after.perQuery == before.perQuery)
        #expect(after.map == before.map)
    }

    @Test func refusesFieldsThatWouldNotReadBackAsOneField() throws {
        #expect(throws: RunWriter.InvalidField(field: "tag", value: "my run")) { try RunWriter(tag: "my run") }
        #expect(throws: RunWriter.InvalidField(field: "tag", value: "")) { try RunWriter(tag: "") }
        let writer = try RunWriter(tag: "t")
        #expect(throws: RunWriter.InvalidField(field: "qid", value: "q\u{A0}1")) {
            try writer.format(query: "q\u{A0}1", documents: [])
        }
        #expect(throws: RunWriter.InvalidField(field: "docid", value: "a\nb")) {
            try writer.format(query: "1", documents: [ScoredDocument(docid: "a\nb", score: 1)])
        }
    }
}
