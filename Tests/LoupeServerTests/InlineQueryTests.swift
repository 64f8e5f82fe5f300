import LoupeClient
import LoupeProtocol
import LoupeServer
import Testing

/// Cheap queries are answered on their connection's event loop; a query that runs past the
/// inline slice moves to the query pool and still gets its whole answer.
@Suite("Queries on the event loop", .timeLimit(.minutes(3)))
struct InlineQueryTests {
    @Test func cheapQueriesStayOnTheEventLoopAndSlowOnesMoveToThePool() async throws {
        let server = try await TestServer(
            documents: [:], index: false,
            configure: { configuration in
                configuration.queryThreads = 2
                configuration.limits.queryBudgetMilliseconds = 120_000
            }, prepareIndex: QueryBudgetTests.buildIndex)
        let address = server.address
        try await blocking {
            let connection = try LoupeConnection(address: address, timeoutSeconds: 120)
            func counters() throws -> (inline: Int, overruns: Int, queries: Int) {
                guard case .info(let fields) = try connection.call(.info) else { throw ServerError("INFO answered something else") }
                let values = Dictionary(uniqueKeysWithValues: fields.map { ($0.name, Int($0.value) ?? -1) })
                return (values["queries_inline"] ?? -1, values["inline_overruns"] ?? -1, values["queries"] ?? -1)
            }
            #expect(try counters() == (0, 0, 0))

            // An exhaustive OR over every posting: far past the 1 ms slice, so it starts again
            // on the pool, and its answer is the full one.
            let every = (0..<40).map { "v\($0)" }.joined(separator: " ")
            let heavy = Request.search(SearchRequest(query: every, limit: 10, snippets: false, options: QueryOptions(algorithm: "exhaustive")))
            guard case .results(let heavy) = try connection.call(heavy) else { throw ServerError("not results") }
            guard case .count(let total, _) = try connection.call(.count(query: every, options: QueryOptions())) else {
                throw ServerError("not a count")
            }
            #expect(heavy.total == total && total == 20_000 && heavy.hits.count == 10)
            let afterHeavy = try counters()
            #expect(afterHeavy.overruns >= 1 && afterHeavy.queries == 2)

            // After an overrun the next query goes to the pool; once one is quick, the
            // connection's queries are answered on the event loop again.
            for _ in 0..<20 {
                guard case .results(let results) = try connection.call(QueryBudgetTests.cheap) else { throw ServerError("not results") }
                #expect(results.total == 1 && results.hits.first?.id == "needle")
            }
            let afterCheap = try counters()
            #expect(afterCheap.inline > afterHeavy.inline && afterCheap.queries == 22)

            // More hits than an event loop loads (records and snippets are not cut by the slice):
            // always the pool.
            let wide = Request.search(SearchRequest(query: "needle", limit: 21))
            guard case .results(let results) = try connection.call(wide) else { throw ServerError("not results") }
            #expect(results.total == 1)
            // Fuzzy words and prefixes walk the term dictionary before any deadline check:
            // always the pool.
            for query in ["needle~", "needl*"] {
                guard case .count(let near, _) = try connection.call(.count(query: query, options: QueryOptions())) else {
                    throw ServerError("not a count")
                }
                #expect(near == 1, "\(query)")
            }
            // RM3 reads its feedback documents before the second pass: always the pool.
            let expanded = Request.search(SearchRequest(query: "needle", limit: 5, expand: true))
            guard case .results(let found) = try connection.call(expanded) else { throw ServerError("not results") }
            #expect(found.hits.first?.id == "needle")
            #expect(try counters().inline == afterCheap.inline)
            // A search that finds little and has an unknown word looks for "did you mean" in the
            // term dictionary, a walk no deadline bounds: the pool answers it, suggestion and all.
            let misspelt = Request.search(SearchRequest(query: "needel", limit: 5, snippets: false))
            guard case .results(let none) = try connection.call(misspelt) else { throw ServerError("not results") }
            #expect(none.total == 0 && none.suggestion == "needle")
            let afterMisspelt = try counters()
            #expect(afterMisspelt.inline == afterCheap.inline && afterMisspelt.overruns == afterCheap.overruns)
        }
        try await server.stop()
    }
}
