import Foundation
import LoupeClient
import LoupeIndex
import LoupeProtocol
import LoupeServer
import LoupeTestSupport
import Synchronization
import Testing

/// Where HAProxy is installed, if it is (`scripts/install-deps.sh` installs it).
private let haproxy: String? = ["/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// The documented scale-out, with the built binaries: a `louped --publish` primary, three
/// `louped --follow` replicas fed by copying its snapshots (as rsync does), and HAProxy with the
/// shipped `config/haproxy.cfg` in front. 32 clients query through HAProxy while a new snapshot
/// is rolled out and one replica is killed with SIGKILL and restarted. No query fails; only
/// clients whose connection was on the killed replica reconnect, and their retry succeeds.
@Suite(
    "Replicas behind HAProxy", .serialized, .timeLimit(.minutes(2)),
    .enabled(if: haproxy != nil, "haproxy is not installed: run scripts/install-deps.sh (Debian package haproxy)"))
struct BalancedReplicasTests {
    static let louped = BuiltExecutable.path("louped")
    static let clients = 32

    /// A child process whose standard error goes to a file (never a pipe that could fill up).
    final class Child: @unchecked Sendable {
        let process = Process()
        let log: String

        init(_ executable: String, _ arguments: [String], log: String) throws {
            self.log = log
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("LOUPED_") && !$0.key.hasPrefix("LOUPE_") }
            FileManager.default.createFile(atPath: log, contents: nil)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
            handle.seekToEndOfFile()
            process.standardError = handle
            process.standardOutput = handle
            try process.run()
        }

        func kill() {
            if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }

        func stop() {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }

        var output: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
    }

    /// What the clients saw, shared between their threads.
    struct Observations {
        var calls = 0
        var failures: [String] = []
        /// Per retry: the replica the client was on when its connection dropped.
        var droppedFrom: [String] = []
        /// Per client: the COUNT totals in order.
        var totals: [[Int]] = Array(repeating: [], count: BalancedReplicasTests.clients)
        /// Per client: the replica it is on now.
        var on: [String] = Array(repeating: "", count: BalancedReplicasTests.clients)
    }

    /// Ports nothing listens on now (bound to port 0, then released).
    static func freePorts(_ count: Int) throws -> [Int] {
        var sockets: [Int32] = []
        defer { for fd in sockets { close(fd) } }
        return try (0..<count).map { _ in
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            sockets.append(fd)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
            }
            guard bound else { throw ServerError("cannot find a free port") }
            return Int(UInt16(bigEndian: address.sin_port))
        }
    }

    /// Waits (up to 20 s) for `condition`, which polls something another process does.
    static func eventually(_ what: String, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if (try? condition()) == true { return }
            usleep(20_000)
        }
        throw ServerError("timed out waiting for \(what)")
    }

    static func info(_ connection: LoupeConnection) throws -> [String: String] {
        guard case .info(let fields) = try connection.call(.info) else { throw ServerError("INFO did not answer INFO") }
        return Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0.value) })
    }

    /// The replica (`r1`, `r2`, `r3`) whose snapshot an `INFO` names.
    static func replica(ofIndex path: String?) -> String {
        path.flatMap { $0.split(separator: "/").dropLast().last.map(String.init) } ?? "?"
    }

    /// Copies the newest snapshot of `published` into `replica` as rsync would: under a hidden
    /// temporary name, then renamed into place.
    static func ship(from published: String, to replica: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: published).filter { $0.hasPrefix("snapshot-") }.sorted()
        guard let newest = names.last else { throw ServerError("nothing published") }
        guard !FileManager.default.fileExists(atPath: replica + "/" + newest) else { return newest }
        try FileManager.default.copyItem(atPath: published + "/" + newest, toPath: replica + "/." + newest + ".tmp")
        try FileManager.default.moveItem(atPath: replica + "/." + newest + ".tmp", toPath: replica + "/" + newest)
        return newest
    }

    @Test func rolloutAndFailoverUnderLoadLoseNoQuery() throws {
        let dir = TemporaryDirectory("balanced")
        let ports = try Self.freePorts(5)
        let (primaryPort, balancerPort, replicaPorts) = (ports[0], ports[1], Array(ports[2...]))

        // The primary's index: 3000 documents, "alpha" in every third.
        do {
            let index = try Index.openOrCreate(at: dir.path + "/primary", analyzer: .preset(.simple))
            let writer = try IndexWriter(index: index)
            for i in 0..<3000 {
                try writer.add(DocumentInput(id: "doc\(i)", title: "Doc \(i)", text: "\(i % 3 == 0 ? "alpha" : "beta") text number \(i) word\(i % 97)"))
            }
            try writer.commit()
        }
        try FileManager.default.createDirectory(atPath: dir.path + "/docs", withIntermediateDirectories: true)
        for name in ["published", "r1", "r2", "r3"] {
            try FileManager.default.createDirectory(atPath: dir.path + "/" + name, withIntermediateDirectories: true)
        }
        let primary = try Child(Self.louped, [
            "--index", dir.path + "/primary", "--listen", "127.0.0.1:\(primaryPort)", "--root", dir.path + "/docs", "--no-watch",
            "--publish", dir.path + "/published", "--publish-every", "1",
        ], log: dir.path + "/primary.log")
        defer { primary.stop() }
        try Self.eventually("the first snapshot") { try Self.ship(from: dir.path + "/published", to: dir.path + "/r1").hasPrefix("snapshot-") }
        for replica in ["r2", "r3"] { _ = try Self.ship(from: dir.path + "/published", to: dir.path + "/" + replica) }

        func startReplica(_ n: Int) throws -> Child {
            let child = try Child(Self.louped, [
                "--follow", dir.path + "/r\(n + 1)", "--listen", "127.0.0.1:\(replicaPorts[n])", "--threads", "2",
            ], log: dir.path + "/r\(n + 1).log")
            try Self.eventually("replica \(n + 1) to serve") { _ = try LoupeConnection(address: .tcp(host: "127.0.0.1", port: replicaPorts[n])); return true }
            return child
        }
        var replicas = try (0..<3).map(startReplica)
        defer { for replica in replicas { replica.stop() } }

        // The shipped HAProxy configuration, with this test's ports.
        var configuration = try String(contentsOfFile: repositoryRoot + "/config/haproxy.cfg", encoding: .utf8)
        configuration = configuration.replacingOccurrences(of: "bind 127.0.0.1:7700", with: "bind 127.0.0.1:\(balancerPort)")
        for n in 0..<3 {
            configuration = configuration.replacingOccurrences(of: "127.0.0.1:770\(n + 1) check", with: "127.0.0.1:\(replicaPorts[n]) check")
        }
        #expect(configuration.contains("tcp-check send PING\\r\\n") && configuration.contains("tcp-check expect string PONG"))
        try configuration.write(toFile: dir.path + "/haproxy.cfg", atomically: true, encoding: .utf8)
        let balancer = try Child(haproxy!, ["-db", "-f", dir.path + "/haproxy.cfg"], log: dir.path + "/haproxy.log")
        defer { balancer.stop() }
        let balanced = ServerAddress.tcp(host: "127.0.0.1", port: balancerPort)
        try Self.eventually("HAProxy to accept") { _ = try LoupeConnection(address: balanced); return true }

        // 32 clients, each on its own connection through HAProxy, until told to stop.
        let observations = Mutex(Observations())
        let stop = Atomic<Bool>(false)
        let done = DispatchGroup()
        for client in 0..<Self.clients {
            done.enter()
            let thread = Thread {
                defer { done.leave() }
                let connection = RetryingConnection(address: balanced, timeoutSeconds: 10, retries: 5)
                var retried = 0
                func learnReplica() {
                    let on = (try? Self.info(connectionOf: connection)).map { Self.replica(ofIndex: $0["index"]) } ?? "?"
                    observations.withLock { $0.on[client] = on }
                }
                learnReplica()
                var n = 0
                while !stop.load(ordering: .relaxed) {
                    let request: Request = n % 2 == 0
                        ? .count(query: "alpha", options: QueryOptions())
                        : .search(SearchRequest(query: "word\(n % 97) alpha", limit: 10))
                    n += 1
                    do {
                        let reply = try connection.call(request)
                        observations.withLock { observed in
                            observed.calls += 1
                            if case .count(let total, _) = reply { observed.totals[client].append(total) }
                        }
                    } catch {
                        observations.withLock { $0.failures.append("client \(client): \(error)") }
                    }
                    if connection.retried > retried {
                        // The connection dropped and the request was sent again on a new one.
                        observations.withLock { $0.droppedFrom.append(contentsOf: Array(repeating: $0.on[client], count: connection.retried - retried)) }
                        retried = connection.retried
                        learnReplica()
                        retried = connection.retried
                    }
                }
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        defer {
            stop.store(true, ordering: .relaxed)
            done.wait()
        }
        try Self.eventually("queries to flow") { observations.withLock { $0.calls } > 500 }
        let spread = Set(observations.withLock { $0.on })
        #expect(spread == ["r1", "r2", "r3"], "HAProxy spread the clients over \(spread)")

        // Roll out a new snapshot under the load: 30 new documents with "alpha" on the primary,
        // published, shipped to each replica; every replica switches.
        for i in 0..<30 { try "New \(i)\nalpha fresh \(i)".write(toFile: dir.path + "/docs/n\(i).txt", atomically: true, encoding: .utf8) }
        let writer = try LoupeConnection(address: .tcp(host: "127.0.0.1", port: primaryPort))
        guard case .ok = try writer.call(.index(path: dir.path + "/docs")) else { throw ServerError("INDEX failed") }
        let commit = try Self.info(writer)["commit"] ?? ""
        try Self.eventually("the new snapshot to be published") {
            FileManager.default.fileExists(atPath: dir.path + "/published/" + SnapshotPublisherName.of(UInt64(commit) ?? 0))
        }
        for replica in ["r1", "r2", "r3"] { _ = try Self.ship(from: dir.path + "/published", to: dir.path + "/" + replica) }
        for port in replicaPorts {
            let direct = try LoupeConnection(address: .tcp(host: "127.0.0.1", port: port))
            try Self.eventually("the replica on port \(port) to switch") { try Self.info(direct)["commit"] == commit }
        }
        let callsAtRollout = observations.withLock { $0.calls }
        try Self.eventually("queries after the rollout") { observations.withLock { $0.calls } > callsAtRollout + 500 }

        // Kill replica 2 outright, let the load run on, then restart it on the same port.
        let onKilled = observations.withLock { $0.on.filter { $0 == "r2" }.count }
        replicas[1].kill()
        let callsAtKill = observations.withLock { $0.calls }
        try Self.eventually("the clients of the killed replica to reconnect") {
            observations.withLock { $0.droppedFrom.count >= onKilled && !$0.on.contains("r2") }
        }
        try Self.eventually("queries after the kill") { observations.withLock { $0.calls } > callsAtKill + 500 }
        replicas[1] = try startReplica(1)
        // HAProxy takes it back once two health checks pass: new connections reach it again.
        try Self.eventually("HAProxy to route to the restarted replica") {
            let probe = try LoupeConnection(address: balanced)
            return Self.replica(ofIndex: try Self.info(probe)["index"]) == "r2"
        }
        stop.store(true, ordering: .relaxed)
        done.wait()

        let seen = observations.withLock { $0 }
        #expect(seen.failures.isEmpty, "\(seen.failures.prefix(5))")
        #expect(onKilled > 0, "no client was on the killed replica")
        #expect(!seen.droppedFrom.isEmpty)
        #expect(seen.droppedFrom.allSatisfy { $0 == "r2" }, "connections dropped from \(Set(seen.droppedFrom)), not only the killed replica")
        // Every COUNT saw the old or the new snapshot, never the old after the new.
        for totals in seen.totals {
            #expect(Set(totals).isSubset(of: [1000, 1030]), "\(Set(totals))")
            #expect(totals == totals.sorted())
            #expect(totals.last == 1030)
        }
        #expect(replicas[1].output.contains("following snapshots"))
        #expect(primary.output.contains("published snapshot"))
    }
}

extension BalancedReplicasTests {
    /// `INFO` through a retrying connection.
    static func info(connectionOf connection: RetryingConnection) throws -> [String: String] {
        guard case .info(let fields) = try connection.call(.info) else { throw ServerError("INFO did not answer INFO") }
        return Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0.value) })
    }
}
