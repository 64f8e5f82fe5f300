import Foundation
import LoupeIndex
import LoupeTestSupport
import Testing
@testable import LoupeEngine

/// The seed document shipped in seeds/ must be found by the queries the README shows.
@Suite struct SeedTests {
    @Test(arguments: ["pakistan russia ties", "cold war"])
    func seedDocumentIsTheTopHit(query: String) throws {
        let dir = TemporaryDirectory("seeds")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.english))
        _ = try FolderIndexer(index: index).run(roots: [repositoryRoot + "/seeds"])
        let results = try Searcher(reader: try index.reader()).search(query)
        #expect(results.hits.first?.id == "000_d81bf0a44b9c720b.txt")
    }
}
