import LoupeIndex
import LoupeTestSupport
import Testing
@testable import LoupeEngine

@Suite struct QuerySemanticsTests {
    let dir = TemporaryDirectory("semantics")
    let index: Index

    init() throws {
        index = try makeIndex(dir, [
            ("a", "Red fish", "one fish two fish red fish blue fish"),
            ("b", "Blue", "the quick brown fox jumps over the lazy dog"),
            ("c", "Fox notes", "a brown dog and a quick fox"),
            ("d", "", "fishing for compliments"),
        ])
    }

    func ids(_ query: String, _ configure: (inout SearchOptions) -> Void = { _ in }) throws -> [String] {
        var options = SearchOptions()
        options.limit = 100
        configure(&options)
        return try Searcher(reader: try index.reader()).search(query, options: options).hits.map(\.id).sorted()
    }

    @Test func booleanOperators() throws {
        #expect(try ids("quick dog") == ["b", "c"])
        #expect(try ids("quick AND fish") == [])
        #expect(try ids("fox AND NOT lazy") == ["c"])
        #expect(try ids("+brown -lazy") == ["c"])
        #expect(try ids("(fish OR fox) AND brown") == ["b", "c"])
        #expect(try ids("quick dog") { $0.defaultOperator = .and } == ["b", "c"])
        #expect(try ids("quick fish") { $0.defaultOperator = .and } == [])
    }

    @Test func phrasesNeedOrderAndAdjacency() throws {
        #expect(try ids("\"quick brown\"") == ["b"])
        #expect(try ids("\"brown quick\"") == [])
        #expect(try ids("\"quick fox\"") == ["c"])
        #expect(try ids("\"quick fox\"~1") == ["b", "c"])
        #expect(try ids("\"fox quick\"~1") == [])  // adjacent but swapped: 2 moves needed
        #expect(try ids("\"fox quick\"~2") == ["c"])
        #expect(try ids("\"fox quick\"~3") == ["b", "c"])
    }

    @Test func fieldsPrefixesAndBoosts() throws {
        #expect(try ids("title:fox") == ["c"])
        #expect(try ids("body:fox") == ["b", "c"])
        #expect(try ids("fish*") == ["a", "d"])
        #expect(try ids("path:d") == ["d"])
        var options = SearchOptions()
        options.fields = [.body: 1]
        let searcher = Searcher(reader: try index.reader())
        let plain = try searcher.search("quick fox", options: options).hits.first { $0.id == "c" }!.score
        let boosted = try searcher.search("quick fox^3", options: options).hits.first { $0.id == "c" }!.score
        #expect(boosted > plain)
    }

    @Test func wordsTheAnalyzerSplitsMatchAnyOfTheirParts() throws {
        #expect(try ids("brown-fish") == ["a", "b", "c"])
        #expect(try ids("+quick-lazy") == ["b", "c"])
    }

    @Test func purelyNegativeQueriesMatchNothing() throws {
        let results = try Searcher(reader: try index.reader()).search("-fish")
        #expect(results.total == 0 && results.hits.isEmpty)
    }

    @Test func totalIsExactAndPagingWorks() throws {
        let searcher = Searcher(reader: try index.reader())
        var options = SearchOptions()
        options.limit = 1
        options.offset = 1
        let results = try searcher.search("fish fox dog", options: options)
        #expect(results.total == 3)
        #expect(results.hits.count == 1 && results.hits[0].rank == 2)
    }

    @Test func deletedDocumentsNeitherMatchNorCount() throws {
        let writer = try IndexWriter(index: index)
        writer.delete(id: "b")
        try writer.commit()
        let results = try Searcher(reader: try index.reader()).search("quick")
        #expect(results.total == 1 && results.hits.map(\.id) == ["c"])
    }

    @Test func strictModeReportsTheColumn() throws {
        var options = SearchOptions()
        options.strict = true
        #expect(throws: SearchError.self) { try Searcher(reader: try index.reader()).search("fish AND", options: options) }
        // Lenient mode reads the same text as words.
        #expect(try ids("fish AND") == ["a"])
    }

    @Test func prefixExpansionIsCapped() throws {
        var options = SearchOptions()
        options.maxExpansions = 1
        #expect(throws: SearchError.self) { try Searcher(reader: try index.reader()).search("f*", options: options) }
    }

    @Test func explainAddsUpToTheScore() throws {
        let searcher = Searcher(reader: try index.reader())
        let hit = try searcher.search("fish \"brown fox\" dog").hits.first { $0.id == "c" }!
        let explanation = try #require(try searcher.explain("fish \"brown fox\" dog", id: "c"))
        #expect(abs(explanation.score - hit.score) < 1e-9)
        #expect(abs(explanation.parts.reduce(0) { $0 + $1.score } - hit.score) < 1e-9)
    }
}
