import Dispatch
import Synchronization

/// Counters for `INFO`, shared by every connection: open connections, queries served and a window
/// of recent query latencies.
final class ServerStatistics: Sendable {
    private let started = DispatchTime.now().uptimeNanoseconds
    private let connections = Atomic<Int>(0)
    private let connectionIds = Atomic<Int>(0)
    private let queries = Atomic<Int>(0)
    private let inline = Atomic<Int>(0)
    private let overruns = Atomic<Int>(0)
    private let latencies = Mutex(LatencyWindow())

    /// A number for a new connection's logs.
    func nextConnectionId() -> Int { connectionIds.wrappingAdd(1, ordering: .relaxed).newValue }

    /// Counts a new connection and returns how many are open with it.
    func connectionOpened() -> Int { connections.wrappingAdd(1, ordering: .relaxed).newValue }

    func connectionClosed() { connections.wrappingSubtract(1, ordering: .relaxed) }

    var openConnections: Int { connections.load(ordering: .relaxed) }

    var queriesServed: Int { queries.load(ordering: .relaxed) }

    /// Queries an event loop answered itself (``InlineQueries``).
    var queriesInline: Int { inline.load(ordering: .relaxed) }

    /// Queries that overran the inline slice and started again on the pool.
    var inlineOverruns: Int { overruns.load(ordering: .relaxed) }

    /// Counts a query answered on its event loop.
    func recordInline() { inline.wrappingAdd(1, ordering: .relaxed) }

    /// Counts a query that overran the inline slice.
    func recordOverrun() { overruns.wrappingAdd(1, ordering: .relaxed) }

    var uptimeSeconds: Int { Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000_000) }

    /// Records one query that took `microseconds` from the moment the server read its line.
    func recordQuery(microseconds: Int) {
        queries.wrappingAdd(1, ordering: .relaxed)
        latencies.withLock { $0.append(microseconds) }
    }

    /// The 50th and 99th percentile of the recent window, in microseconds (0 before any query).
    func latencyPercentiles() -> (p50: Int, p99: Int) {
        let sorted = latencies.withLock { $0.values }.sorted()
        guard !sorted.isEmpty else { return (0, 0) }
        func at(_ q: Double) -> Int { sorted[min(sorted.count - 1, Int((Double(sorted.count) * q).rounded(.up)) - 1)] }
        return (at(0.50), at(0.99))
    }
}

/// The last ``capacity`` latencies, overwritten in a ring.
struct LatencyWindow: Sendable {
    static let capacity = 8192
    private(set) var values: [Int] = []
    private var next = 0

    mutating func append(_ value: Int) {
        if values.count < Self.capacity {
            values.append(value)
        } else {
            values[next] = value
            next = (next + 1) % Self.capacity
        }
    }
}
