import LoupeExtract
import LoupeIndex
import LoupeTestSupport
import Testing
@testable import LoupeEngine

/// Filters and date sorting on a small hand-made index, case by case; ``FilterPropertyTests``
/// checks them against brute force on random ones.
@Suite struct FilterSemanticsTests {
    let dir = TemporaryDirectory("filter-semantics")
    let index: Index

    init() throws {
        index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        let writer = try IndexWriter(index: index)
        let docs: [(String, String, DocumentType, String, Int64, UInt64)] = [
            ("a.pdf", "fish and chips", .pdf, "pdf", 1_700_000_000, 2_000_000),
            ("b.txt.gz", "fish fish fish", .txt, "gz", 1_000_000_000, 500),
            ("c.epub", "a book about fish", .epub, "epub", 1_800_000_000, 1_500_000),
            ("d.eml", "no fish here, only chips", .email, "eml", 1_700_000_000, 100),
        ]
        for (id, text, type, ext, modified, size) in docs {
            try writer.add(DocumentInput(
                id: id, title: "", text: text, size: size,
                metadata: DocumentMetadata(type: type, ext: ext, modified: modified,
                                           fields: type == .email ? [DocumentField(name: "from", value: "ann@example.org")] : [])))
        }
        try writer.commit()
    }

    func hits(_ query: String, _ configure: (inout SearchOptions) -> Void = { _ in }) throws -> [SearchHit] {
        var options = SearchOptions()
        options.limit = 100
        configure(&options)
        return try Searcher(reader: try index.reader()).search(query, options: options).hits
    }

    func ids(_ query: String, _ configure: (inout SearchOptions) -> Void = { _ in }) throws -> [String] {
        try hits(query, configure).map(\.id)
    }

    @Test func filtersAloneListDocumentsInIndexOrderWithScoreZero() throws {
        #expect(try ids("type:pdf OR type:epub") == ["a.pdf", "c.epub"])
        #expect(try ids("-type:pdf") == ["b.txt.gz", "c.epub", "d.eml"])
        #expect(try ids("size:>1MB") == ["a.pdf", "c.epub"])
        #expect(try ids("modified:<2002-01-01") == ["b.txt.gz"])
        #expect(try ids("modified:[2023-11-14 TO 2023-11-14]") == ["a.pdf", "d.eml"])
        #expect(try ids("ext:GZ") == ["b.txt.gz"])
        #expect(try ids("type:man") == [])
        #expect(try hits("size:>=0").allSatisfy { $0.score == 0 })
        #expect(try ids("type:pdf -chips") == [])
        #expect(try ids("size:>=0 -chips") == ["b.txt.gz", "c.epub"])
    }

    @Test func filtersKeepTheScoresOfTheWords() throws {
        // Without proximity, whose pairs follow the query's top level (a group has none).
        let alone = try hits("fish chips") { $0.proximity = false }
        for query in ["fish chips -type:email", "fish chips size:>200", "(fish chips) AND size:>200", "fish chips OR size:>200"] {
            let filtered = try hits(query) { $0.proximity = false }
            #expect(filtered.map(\.id) == alone.map(\.id).filter { $0 != "d.eml" }, "\(query)")
            for hit in filtered { #expect(hit.score == alone.first { $0.id == hit.id }!.score, "\(query)") }
        }
        // Proximity pairs the words across a filter, as without it.
        let pairs = try hits("fish chips") { $0.proximity = true }
        let across = try hits("fish -type:email chips") { $0.proximity = true }
        #expect(across.map(\.id) == pairs.map(\.id).filter { $0 != "d.eml" })
        for hit in across { #expect(hit.score == pairs.first { $0.id == hit.id }!.score) }
        for algorithm in RetrievalAlgorithm.allCases {
            #expect(try hits("fish type:txt OR type:pdf") { $0.algorithm = algorithm; $0.limit = 1 }.map(\.id) == ["b.txt.gz"])
        }
    }

    @Test func sortingByDateBreaksTiesByScoreThenIndexOrder() throws {
        #expect(try ids("fish") { $0.sort = .newest } == ["c.epub", "a.pdf", "d.eml", "b.txt.gz"])
        #expect(try ids("fish") { $0.sort = .modified } == ["b.txt.gz", "a.pdf", "d.eml", "c.epub"])
        #expect(try ids("size:>=0") { $0.sort = .modified } == ["b.txt.gz", "a.pdf", "d.eml", "c.epub"])
        #expect(try ids("fish") { $0.sort = .newest; $0.limit = 2; $0.offset = 1 } == ["a.pdf", "d.eml"])
        let results = try Searcher(reader: try index.reader()).search("fish", options: { var o = SearchOptions(); o.sort = .newest; o.limit = 1; return o }())
        #expect(results.total == 4)
    }

    @Test func explainShowsTheFilterWithScoreZero() throws {
        let searcher = Searcher(reader: try index.reader())
        let explained = try #require(try searcher.explain("fish -type:email", id: "a.pdf"))
        #expect(explained.parts.last?.description == "filter -type:email")
        #expect(explained.parts.last?.score == 0)
        #expect(explained.score == explained.parts.dropLast().reduce(0) { $0 + $1.score })
        #expect(try searcher.explain("fish -type:email", id: "d.eml") == nil)
        let alone = try #require(try searcher.explain("type:email", id: "d.eml"))
        #expect(alone.score == 0 && alone.parts.map(\.description) == ["filter type:email"])
    }

    @Test func hitsCarryTheirMetadata() throws {
        let hit = try #require(try hits("type:email").first)
        #expect(hit.metadata.type == .email && hit.metadata.ext == "eml" && hit.metadata.modified == 1_700_000_000 && hit.size == 100)
        #expect(hit.metadata.fields == [DocumentField(name: "from", value: "ann@example.org")])
    }
}
