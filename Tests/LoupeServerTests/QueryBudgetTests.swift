import Dispatch
import Foundation
import LoupeClient
import LoupeIndex
import LoupeProtocol
import Synchronization
import LoupeServer
import Testing

/// Queries over their time budget are stopped inside the engine, so a flood of them cannot take
/// the query threads from cheap requests.
@Suite("Query budget", .timeLimit(.minutes(3)))
struct QueryBudgetTests {
    /// 20,000 documents of 50 words drawn from 40, and one with a rare word: an exhaustive OR of
    /// every word scores every posting (long without a budget), a search for the rare word is cheap.
    static func buildIndex(at path: String) throws {
        let index = try Index.openOrCreate(at: path, analyzer: .preset(.simple))
        let writer = try IndexWriter(index: index)
        var state: UInt64 = 0x5eed
        for i in 0..<20_000 {
            var words: [String] = []
            for _ in 0..<50 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                words.append("v\((state >> 33) % 40)")
            }
            try writer.add(DocumentInput(id: "d\(i)", title: words.prefix(3).joined(separator: " "), text: words.joined(separator: " ")))
        }
        try writer.add(DocumentInput(id: "needle", title: "needle", text: "a rare needle in the haystack"))
        try writer.commit()
    }

    static let heavy = Request.search(SearchRequest(query: "v*", limit: 10, snippets: false, options: QueryOptions(algorithm: "exhaustive")))
    static let cheap = Request.search(SearchRequest(query: "needle", limit: 1, snippets: false))

    /// Eight connections at once send a heavy query (about a second of work in a debug build)
    /// to four query threads under a 200 ms budget. PING stays prompt meanwhile (it never needs a
    /// query thread). Once every heavy query was answered `ERR TIMEOUT`, its work has stopped:
    /// a cheap SEARCH finds a free thread at once. Were the late queries left to run, the four
    /// threads would stay busy with them for most of a second.
    @Test func heavyQueriesStopAtTheirBudgetAndFreeTheirThreads() async throws {
        let server = try await TestServer(
            documents: [:], index: false,
            configure: { configuration in
                configuration.queryThreads = 4
                configuration.limits.queryBudgetMilliseconds = 200
            }, prepareIndex: Self.buildIndex)
        let address = server.address
        let connections = try await blocking { try (0..<8).map { _ in try LoupeConnection(address: address, timeoutSeconds: 60) } }
        let probe = try await blocking { try LoupeConnection(address: address, timeoutSeconds: 60) }
        for _ in 0..<3 {
            let done = Counter()
            let flood = connections.map { connection in
                Task {
                    try await blocking {
                        defer { done.increment() }
                        do {
                            _ = try connection.call(Self.heavy)
                            Issue.record("a heavy query finished within the budget")
                        } catch ClientError.server(let error) {
                            #expect(error.code == .timeout)
                        }
                    }
                }
            }
            let pingWaits = try await blocking { () -> [Double] in
                var waits: [Double] = []
                while done.value < connections.count {
                    let start = DispatchTime.now().uptimeNanoseconds
                    let reply = try probe.call(.ping)
                    #expect(reply == .pong)
                    waits.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                }
                return waits
            }
            for task in flood { try await task.value }
            #expect((pingWaits.max() ?? 0) < 0.5, "slowest PING: \(pingWaits.max() ?? 0) s")
            let (wait, total) = try await blocking { () -> (Double, Int) in
                let start = DispatchTime.now().uptimeNanoseconds
                guard case .results(let results) = try probe.call(Self.cheap) else { throw ServerError("not results") }
                return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, results.total)
            }
            #expect(total == 1)
            #expect(wait < 0.3, "the cheap SEARCH waited \(wait) s")
        }
        try await server.stop()
    }
}

/// A count shared by threads.
final class Counter: Sendable {
    private let count = Atomic<Int>(0)

    func increment() { count.add(1, ordering: .relaxed) }

    var value: Int { count.load(ordering: .relaxed) }
}
