import LoupeEngine
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
        let node = try searcher.parse("the event of loop -stops title:x loop", options: SearchOptions())
        #expect(node.description == "the event of loop -stops title:x loop \"event loop\"~8^0.1")
        #expect(try searcher.parse("event", options: SearchOptions()).description == "event")
        #expect(try searcher.parse("\"event loop\"", options: SearchOptions()).description == "\"event loop\"")
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
