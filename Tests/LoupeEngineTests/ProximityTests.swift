@testable import LoupeEngine
import LoupeIndex
import LoupeQuery
import LoupeTestSupport
import Testing

/// Term proximity in the default ranking (`ProximityClauses`).
@Suite struct ProximityTests {
    let dir = TemporaryDirectory("proximity")
    let index: Index

    init() throws {
        // Both documents hold each word once and are equally long: only proximity separates them.
        index = try makeIndex(dir, [
            ("far", "", "event handlers run in order and then one day the loop stops"),
            ("near", "", "then one day the event loop stops and handlers run in order"),
        ], analyzer: .english)
    }

    @Test func documentsWithTheWordsCloseTogetherRankHigherUnlessTurnedOff() throws {
        let searcher = Searcher(reader: try index.reader())
        #expect(try searcher.search("event loop").hits.map(\.id) == ["near", "far"])
        var options = SearchOptions()
        options.proximity = false
        let plain = try searcher.search("event loop", options: options).hits
        #expect(plain.count == 2 && plain[0].score == plain[1].score)
    }

    @Test func proximityNeverChangesWhatMatches() throws {
        let searcher = Searcher(reader: try index.reader())
        var options = SearchOptions()
        options.defaultOperator = .and
        #expect(try searcher.search("event stops", options: options).total == 2)
        #expect(try searcher.search("event nothing", options: options).total == 0)
        #expect(try searcher.search("event nothing").total == 2)
    }

    @Test func pairsAreMadeOfNeighbouringPlainWordsWithoutStopWords() throws {
        let searcher = Searcher(reader: try index.reader())
        func withPairs(_ text: String) throws -> String {
            ProximityClauses.adding(to: try searcher.parse(text, options: SearchOptions()), analyzer: searcher.reader.analyzer).description
        }
        #expect(try withPairs("the event of loop -stops title:x loop") == "the event of loop -stops title:x loop \"event loop\"~8^0.1")
        #expect(try withPairs("event") == "event")
        #expect(try withPairs("\"event loop\"") == "\"event loop\"")
    }

    @Test func explainShowsTheProximityPart() throws {
        let searcher = Searcher(reader: try index.reader())
        let explained = try #require(try searcher.explain("event loop", id: "near"))
        #expect(explained.parts.contains { $0.description.contains("event loop") })
        var options = SearchOptions()
        options.proximity = false
        let plain = try #require(try searcher.explain("event loop", id: "near", options: options))
        #expect(!plain.parts.contains { $0.description.contains("event loop") })
        #expect(explained.score > plain.score)
    }
}

/// Rescoring the best documents by the words gives what scoring every match with the pairs gives.
@Suite struct ProximityRescoringTests {
    @Test func theRescoredTopHitsAreThoseOfTheFullQueryWithThePairs() throws {
        var random = SeededGenerator(seed: 0x9A1E)
        let words = ["event", "loop", "task", "queue", "timer", "signal", "handler", "future"]
        var docs: [(String, String, String)] = []
        for i in 0..<400 {
            let text = (0..<Int.random(in: 4...30, using: &random)).map { _ in words.randomElement(using: &random)! }
            docs.append(("d\(i)", "", text.joined(separator: " ")))
        }
        let index = try makeIndex(TemporaryDirectory("rescore"), docs)
        let searcher = Searcher(reader: try index.reader())
        for query in ["event loop", "task queue timer", "signal handler future event"] {
            var options = SearchOptions()
            options.limit = 10
            let rescored = try searcher.search(query, options: options)
            let full = ProximityClauses.adding(to: try searcher.parse(query, options: options), analyzer: searcher.reader.analyzer)
            options.proximity = false
            let expected = try searcher.search(full, options: options)
            #expect(rescored.total == expected.total)
            #expect(rescored.hits.map(\.id) == expected.hits.map(\.id), "\(query)")
            for (a, b) in zip(rescored.hits, expected.hits) { #expect(abs(a.score - b.score) < 1e-9) }
        }
    }
}
