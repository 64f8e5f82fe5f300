import Foundation
import LoupeClient
import LoupeProtocol
import Synchronization
import Testing

@Suite("Concurrent clients", .timeLimit(.minutes(3)))
struct ConcurrencyTests {
    /// 64 clients search while an INDEX adds 200 documents: every reply is well formed and its
    /// total is the count of a committed snapshot (before or after the INDEX), never in between.
    @Test func sixtyFourClientsSearchWhileIndexing() async throws {
        let server = try await TestServer()
        for i in 0..<200 { try "Batch \(i)\nwar dispatch number \(i)".write(toFile: server.root + "/batch-\(i).txt", atomically: true, encoding: .utf8) }
        let before = 3, after = 203
        let indexDone = Flag()
        let address = server.address

        let indexing = Task {
            try await blocking {
                defer { indexDone.set() }
                let reply = try LoupeConnection(address: address, timeoutSeconds: 120).call(.index(path: server.root))
                guard case .ok(let fields) = reply else { throw ClientError.protocolViolation("INDEX answered \(reply)") }
                return fields.first { $0.name == "added" }?.value
            }
        }
        let observed = try await withThrowingTaskGroup(of: [Int].self) { group in
            for client in 0..<64 {
                group.addTask {
                    try await blocking {
                        let connection = try LoupeConnection(address: address, timeoutSeconds: 120)
                        var totals: [Int] = []
                        var rounds = 0
                        // Until the index is done and a few more, at most 300 rounds, paced so
                        // the writer gets its share of two busy cores.
                        var extra = 0
                        while rounds < 300, extra < 3 {
                            rounds += 1
                            if indexDone.isSet { extra += 1 }
                            Thread.sleep(forTimeInterval: 0.005)
                            let request: Request = client % 4 == 0
                                ? .count(query: "war", options: QueryOptions())
                                : .search(SearchRequest(query: "war", limit: 5, snippets: client % 2 == 0))
                            switch try connection.call(request) {
                            case .results(let results):
                                guard results.hits.count == min(5, results.total), results.hits.map(\.rank) == Array(1...results.hits.count)
                                else { throw ClientError.protocolViolation("bad page \(results)") }
                                totals.append(results.total)
                            case .count(let total, _): totals.append(total)
                            case let other: throw ClientError.protocolViolation("unexpected \(other)")
                            }
                        }
                        return totals
                    }
                }
            }
            var all: [Int] = []
            for try await totals in group { all += totals }
            return all
        }
        #expect(try await indexing.value == "200")
        #expect(observed.count >= 64 * 3)
        #expect(Set(observed).isSubset(of: [before, after]), "totals seen: \(Set(observed))")
        // Once the INDEX has answered OK, every search sees its commit.
        let final = try await blocking { () -> Int in
            let reply = try LoupeConnection(address: address).call(.count(query: "war", options: QueryOptions()))
            guard case .count(let total, _) = reply else { throw ClientError.protocolViolation("COUNT answered \(reply)") }
            return total
        }
        #expect(final == after)
        try await server.stop()
    }
}

/// A flag set once by one thread and read by others.
final class Flag: Sendable {
    private let value = Atomic<Bool>(false)

    func set() { value.store(true, ordering: .sequentiallyConsistent) }

    var isSet: Bool { value.load(ordering: .sequentiallyConsistent) }
}
