import LoupeEngine
import LoupeIndex
import LoupeTestSupport
import Testing

/// `word~`, `word~1`, `word~2`: typo-tolerant terms.
@Suite struct FuzzyQueryTests {
    let dir = TemporaryDirectory("fuzzy-query")
    let index: Index

    init() throws {
        index = try makeIndex(dir, [
            ("exact", "", "the compiler optimizes loops"),
            ("typo", "", "the compilre optimizes loops compilre compilre"),
            ("far", "", "a compass and a map"),
            ("stem", "", "compilers and interpreters"),
        ], analyzer: .english)
    }

    func ids(_ query: String) throws -> [String] {
        try Searcher(reader: try index.reader()).search(query).hits.map(\.id)
    }

    @Test func aMisspeltWordFindsTheWordMeantAndExactMatchesRankFirst() throws {
        // Without `~` the misspelling finds only the document misspelt the same way
        // (`compilre` stems to `compilr`).
        #expect(try ids("compilr") == ["typo"])
        // `compilr` stems to `compilr`: one edit from `compil` (compiler, compilers) and from `compilr`.
        let hits = try ids("compilr~1")
        #expect(Set(hits) == ["exact", "typo", "stem"])
        // `compiler~` (8 letters: 1 edit) ranks the documents with the word itself first,
        // although the misspelt document repeats its variant three times.
        let ranked = try ids("compiler~")
        #expect(Set(ranked.prefix(2)) == ["exact", "stem"])
        #expect(ranked.last == "typo")
    }

    @Test func shortWordsMustBeExactUnlessADistanceIsGiven() throws {
        let index = try makeIndex(TemporaryDirectory("fuzzy-short"), [("1", "", "map"), ("2", "", "mop")])
        let searcher = Searcher(reader: try index.reader())
        #expect(try searcher.search("map~").hits.map(\.id) == ["1"])
        #expect(try Set(searcher.search("map~1").hits.map(\.id)) == ["1", "2"])
        #expect(try searcher.search("map~0").hits.map(\.id) == ["1"])
    }

    @Test func twoEditsReachFurtherAndTranspositionsCountOnce() throws {
        let index = try makeIndex(TemporaryDirectory("fuzzy-far"), [("1", "", "algorithm"), ("2", "", "logarithm")])
        let searcher = Searcher(reader: try index.reader())
        #expect(try searcher.search("algortihm~1").hits.map(\.id) == ["1"], "one transposition")
        #expect(try searcher.search("algoritm~2").hits.map(\.id) == ["1"])
        #expect(try searcher.search("algorithmic~2").hits.map(\.id) == ["1"])
    }

    @Test func expansionsAreBoundedAndHighlighted() throws {
        var docs: [(String, String, String)] = []
        for i in 0..<30 { docs.append(("d\(i)", "", "wor\(Character(UnicodeScalar(97 + i % 26)!))d\(i / 26)")) }
        let index = try makeIndex(TemporaryDirectory("fuzzy-many"), docs)
        var options = SearchOptions()
        options.maxExpansions = 5
        options.limit = 100
        let results = try Searcher(reader: try index.reader()).search("worad0~2", options: options)
        #expect(results.total == 5, "at most max_expansions terms")
        let snippetHits = try Searcher(reader: try index.reader()).search("worad0~1", options: options).hits
        #expect(snippetHits.first?.id == "d0")
    }
}
