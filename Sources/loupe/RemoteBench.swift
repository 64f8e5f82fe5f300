import ArgumentParser
import Dispatch
import Foundation
import LoupeClient
import LoupeProtocol

/// The daemon side of `loupe bench`: `--server HOST:PORT`, `--connections N` and `--snippets`.
struct RemoteBenchOptions: ParsableArguments {
    @OptionGroup var remote: ServerOptions

    @Option(name: .long, help: "With --server: connections sending queries at once, each one query at a time.")
    var connections: Int = 1

    @Flag(name: .long, help: "With --server or --as-search, --mode top10: ask for each hit's snippet, as SEARCH does by default.")
    var snippets = false
}

/// `loupe bench --server`: the same query file and kinds as in-process `loupe bench`, asked of a
/// daemon over its protocol. Latency is the client's round trip (write the request, read the
/// whole reply); QPS is timed requests over the wall time of the timed passes. The JSON adds the
/// connections, the daemon's own time per query (`took_us`), and the CPU the client and the
/// daemon used during the timed passes.
struct RemoteBench {
    let command: BenchCommand
    let connections: Int
    /// Whether each SEARCH asks for snippets.
    let snippets: Bool

    func run(_ address: ServerAddress) throws {
        guard connections >= 1 else { throw ValidationError("--connections must be at least 1") }
        guard let text = try? String(contentsOfFile: command.queries, encoding: .utf8) else { throw CLIError("cannot read \(command.queries)") }
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let requests = lines.map(request(for:))
        let clients = try (0..<connections).map { _ in try ServerOptions.connect(address) }
        let control = try ServerOptions.connect(address)

        // Untimed passes, which also record each query's total and top 10.
        var answers = [(total: Int, top: [String])](repeating: (0, []), count: lines.count)
        for _ in 0..<max(command.warmup, 1) {
            for (i, request) in requests.enumerated() { answers[i] = try answer(ServerOptions.call(clients[0], request)) }
        }

        let cpuBefore = try serverCPU(control)
        let clientBefore = clientCPU()
        let work = command.rounds * requests.count
        let results = Results(count: connections)
        let failure = Failure()
        let started = DispatchTime.now().uptimeNanoseconds
        let finished = DispatchGroup()
        for (c, connection) in clients.enumerated() {
            finished.enter()
            let thread = Thread {
                defer { finished.leave() }
                var samples: [UInt64] = [], took: [UInt64] = []
                samples.reserveCapacity(work / connections + 1)
                do {
                    for i in stride(from: c, to: work, by: connections) {
                        let start = DispatchTime.now().uptimeNanoseconds
                        let reply = try connection.call(requests[i % requests.count])
                        samples.append(DispatchTime.now().uptimeNanoseconds - start)
                        took.append(UInt64(Self.serverMicroseconds(reply)) * 1000)
                    }
                } catch {
                    failure.record("\(error)")
                }
                results.store(c, samples, took)
            }
            thread.start()
        }
        finished.wait()
        let wall = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        if let message = failure.message { throw CLIError(message) }
        let clientCPUSeconds = clientCPU() - clientBefore
        let serverCPUSeconds = try serverCPU(control) - cpuBefore

        let (samples, took) = results.merged()
        let report = LatencyReport(samples)
        let server = LatencyReport(took)
        let qps = Double(samples.count) / wall
        if command.json {
            let perQuery = zip(lines, answers).map { line, answer in
                JSONValue.object([("q", .string(line)), ("total", .int(answer.total)), ("top10", .array(answer.top.map(JSONValue.string)))])
            }
            print(JSONValue.object([
                ("kind", .string(command.kind.rawValue)), ("mode", .string(command.mode.rawValue)),
                ("algorithm", .string(command.algorithm.rawValue)), ("server", .string(address.description)),
                ("connections", .int(connections)), ("snippets", .bool(snippets)), ("n", .int(samples.count)), ("p50_us", .double(report.p50)),
                ("p95_us", .double(report.p95)), ("p99_us", .double(report.p99)), ("mean_us", .double(report.mean)), ("qps", .double(qps)),
                ("server_p50_us", .double(server.p50)), ("server_p99_us", .double(server.p99)),
                ("client_cpu_s", .double(clientCPUSeconds)), ("server_cpu_s", .double(serverCPUSeconds)), ("wall_s", .double(wall)),
                ("queries", .array(perQuery)),
            ]).text)
        } else {
            print(String(
                format: "%@ %@%@ (%@) via %@, %d connection%@: %d timed queries  p50 %.1f µs  p95 %.1f µs  p99 %.1f µs  mean %.1f µs  %.0f QPS"
                    + "  (daemon p50 %.1f µs; CPU over %.2f s: daemon %.0f%%, client %.0f%%)",
                command.kind.rawValue, command.mode.rawValue, snippets ? " with snippets" : "", command.algorithm.rawValue,
                address.description, connections,
                connections == 1 ? "" : "s", samples.count, report.p50, report.p95, report.p99, report.mean, qps, server.p50, wall,
                serverCPUSeconds / wall * 100, clientCPUSeconds / wall * 100))
        }
    }

    /// The request a line of the query file stands for: the words in the body field, with the
    /// kind's semantics, as in-process `loupe bench` builds them.
    func request(for line: String) -> Request {
        if command.kind == .suggest { return .suggest(SuggestRequest(text: line, limit: 10)) }
        let query = command.queryText(for: line)
        let options = QueryOptions(algorithm: command.algorithm.rawValue)
        switch command.mode {
        case .top10: return .search(SearchRequest(query: query, limit: 10, snippets: snippets, options: options))
        case .count: return .count(query: query, options: options)
        }
    }

    private func answer(_ reply: Reply) -> (total: Int, top: [String]) {
        switch reply {
        case .results(let results): (results.total, results.hits.map(\.id))
        case .count(let total, _): (total, [])
        case .completions(let completions): (completions.items.count, completions.items.map(\.text))
        default: (0, [])
        }
    }

    private static func serverMicroseconds(_ reply: Reply) -> Int {
        switch reply {
        case .results(let results): results.tookMicroseconds
        case .count(_, let took): took
        case .completions(let completions): completions.tookMicroseconds
        default: 0
        }
    }

    /// The daemon's CPU seconds (user + system) so far, from INFO.
    private func serverCPU(_ connection: LoupeConnection) throws -> Double {
        guard case .info(let fields) = try ServerOptions.call(connection, .info) else { return 0 }
        return fields.filter { $0.name == "cpu_user_s" || $0.name == "cpu_system_s" }.compactMap { Double($0.value) }.reduce(0, +)
    }

    private func clientCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}

/// Per-connection samples, written by each connection's thread into its own slot.
private final class Results: @unchecked Sendable {
    private var slots: [([UInt64], [UInt64])]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: ([], []), count: count) }

    func store(_ slot: Int, _ samples: [UInt64], _ took: [UInt64]) {
        lock.withLock { slots[slot] = (samples, took) }
    }

    func merged() -> ([UInt64], [UInt64]) {
        lock.withLock { (slots.flatMap(\.0), slots.flatMap(\.1)) }
    }
}

/// The first error any connection met.
private final class Failure: @unchecked Sendable {
    private var first: String?
    private let lock = NSLock()

    func record(_ message: String) { lock.withLock { if first == nil { first = message } } }

    var message: String? { lock.withLock { first } }
}
