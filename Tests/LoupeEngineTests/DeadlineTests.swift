import LoupeIndex
import LoupeQuery
import LoupeTestSupport
import Testing
@testable import LoupeEngine

/// A query past its deadline stops inside retrieval and counting with `SearchError.timeout`,
/// whichever algorithm runs it; a deadline in the future changes nothing.
@Suite struct DeadlineTests {
    static let queries = ["w0", "body:w1", "w0 w1 w2", "w0 AND w1", "+w0 -w3", "\"w0 w1\"~3", "w*"]

    @Test(arguments: RetrievalAlgorithm.allCases)
    func aPassedDeadlineStopsEveryQueryShape(algorithm: RetrievalAlgorithm) throws {
        let (_, index) = try RetrievalAlgorithmTests.corpus(seed: 5)
        let searcher = Searcher(reader: try index.reader())
        for query in Self.queries {
            var options = SearchOptions()
            options.algorithm = algorithm
            let expected = try searcher.search(query, options: options)
            options.deadline = Deadline(uptimeNanoseconds: 1)
            #expect(throws: SearchError.timeout, "\(query)") { try searcher.search(query, options: options) }
            options.deadline = .after(milliseconds: 60_000)
            let later = try searcher.search(query, options: options)
            #expect(later.hits == expected.hits && later.total == expected.total, "\(query)")
        }
    }

    @Test func countingStopsToo() throws {
        let (_, index) = try RetrievalAlgorithmTests.corpus(seed: 6)
        let searcher = Searcher(reader: try index.reader())
        var options = SearchOptions()
        options.deadline = Deadline(uptimeNanoseconds: 1)
        #expect(throws: SearchError.timeout) { try searcher.count(try searcher.parse("w0 w1", options: options), options: options) }
    }
}
