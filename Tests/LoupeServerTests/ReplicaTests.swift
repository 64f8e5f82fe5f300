import Foundation
import Logging
import LoupeClient
import LoupeConfig
import LoupeIndex
import LoupeProtocol
import LoupeServer
import LoupeTestSupport
import Testing

/// `louped --follow` (a read-only replica of a snapshot directory) and `--publish` (a primary
/// writing snapshots), in process, over real LMDB snapshots and TCP.
@Suite("Read replicas", .timeLimit(.minutes(2)))
struct ReplicaTests {
    static var quiet: Logger {
        var logger = Logger(label: "replica-test")
        logger.logLevel = .critical
        return logger
    }

    /// A primary index with `count` documents, `word` in every one.
    func primary(_ dir: TemporaryDirectory, count: Int, word: String) throws -> Index {
        let index = try Index.openOrCreate(at: dir.path + "/primary", analyzer: .preset(.simple))
        try add(index, 0..<count, word)
        return index
    }

    func add(_ index: Index, _ range: Range<Int>, _ word: String) throws {
        let writer = try IndexWriter(index: index)
        for i in range { try writer.add(DocumentInput(id: "doc\(i)", title: "Doc \(i)", text: "\(word) common text \(i)")) }
        try writer.commit()
    }

    func replica(following directory: String) async throws -> (LoupeServer, ServerAddress, Task<Void, Error>) {
        var configuration = ServerConfiguration(indexPath: "")
        configuration.listen = .tcp(host: "127.0.0.1", port: 0)
        configuration.replication.follow = directory
        configuration.queryThreads = 2
        let server = try LoupeServer(configuration: configuration, logger: Self.quiet)
        let address = try requireFirst(try await server.start())
        return (server, address, Task { try await server.run() })
    }

    func info(_ connection: LoupeConnection) throws -> [String: String] {
        guard case .info(let fields) = try connection.call(.info) else { throw ServerError("INFO did not answer INFO") }
        return Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0.value) })
    }

    /// Whether this process maps the data file of `snapshot`.
    func mapped(_ snapshot: String) throws -> Bool {
        try String(contentsOfFile: "/proc/self/maps", encoding: .utf8).contains(snapshot + "/data.mdb")
    }

    @Test func aReplicaWithoutSnapshotsOrWithBothRolesIsRefused() throws {
        let dir = TemporaryDirectory("replica")
        try FileManager.default.createDirectory(atPath: dir.path + "/snapshots/.snapshot-1.partial-abc", withIntermediateDirectories: true)
        var configuration = ServerConfiguration(indexPath: "")
        configuration.replication.follow = dir.path + "/snapshots"
        #expect { try LoupeServer(configuration: configuration, logger: Self.quiet) } throws: { error in
            "\(error)".contains("no complete snapshot there yet")
        }
        configuration.replication.follow = dir.path + "/missing"
        #expect { try LoupeServer(configuration: configuration, logger: Self.quiet) } throws: { "\($0)".contains("not a directory") }
        configuration.replication.follow = dir.path + "/snapshots"
        configuration.replication.publish = dir.path + "/snapshots"
        #expect { try LoupeServer(configuration: configuration, logger: Self.quiet) } throws: { "\($0)".contains("exclude each other") }
    }

    /// The daemon's replication flags: bad combinations and values are one line and exit 1.
    @Test func badReplicationFlagsAreOneClearLine() throws {
        let dir = TemporaryDirectory("replica-flags")
        let empty = TemporaryDirectory("replica-flags-empty")
        for (arguments, message) in [
            (["--follow", dir.path, "--index", dir.path + "/i"], "louped: --follow serves snapshots read-only: it takes no --index and no --root"),
            (["--index", dir.path + "/i", "--publish", dir.path, "--publish-every", "0"], "louped: --publish-every: `replication.publish_every_s` must be an integer in 1...604800, got 0"),
            (["--index", dir.path + "/i", "--publish", dir.path + "/missing"], "louped: --publish \(dir.path)/missing: not a directory"),
            (["--follow", empty.path], "louped: --follow \(empty.path): no complete snapshot there yet"),
        ] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: BuiltExecutable.path("louped"))
            process.arguments = arguments + ["--listen", "127.0.0.1:0"]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 1, "\(arguments)")
            #expect(text.contains(message), "\(text)")
        }
    }

    /// The replica serves the newest snapshot, refuses writes, and switches to a newer snapshot
    /// while a connection has queries in flight: every reply arrives, none is an error, each sees
    /// one snapshot or the other (never the old after the new), and the old files are released.
    @Test func aReplicaSwitchesSnapshotsUnderPipelinedQueriesWithoutDroppingThem() async throws {
        let dir = TemporaryDirectory("replica")
        let snapshots = dir.path + "/snapshots"
        try FileManager.default.createDirectory(atPath: snapshots, withIntermediateDirectories: true)
        let index = try primary(dir, count: 300, word: "alpha")
        let first = try SnapshotWriter.write(index, to: snapshots + "/one")
        // An older snapshot beside it is not served; a partial copy is ignored.
        try add(index, 300..<310, "alpha")
        let newest = try SnapshotWriter.write(index, to: snapshots + "/two")
        try FileManager.default.createDirectory(atPath: snapshots + "/.three.partial-x", withIntermediateDirectories: false)
        #expect(newest.commit > first.commit)

        let (server, address, task) = try await replica(following: snapshots)
        let connection = try await blocking { try LoupeConnection(address: address) }
        let before = try await blocking { try self.info(connection) }
        #expect(before["role"] == "replica" && before["snapshot"] == "two" && before["commit"] == String(newest.commit))
        #expect(Int(before["snapshot_age_s"] ?? "") ?? -1 >= 0 && before["docs"] == "310")
        for write in [Request.delete(id: "doc1"), Request.index(path: dir.path)] {
            #expect {
                try connection.call(write)
            } throws: { error in
                guard case ClientError.server(let reply) = error else { return false }
                return reply == ProtocolError(
                    .readOnly, "this server is a read-only replica following snapshots; send \(write.command.name) to the primary")
            }
        }
        #expect(try index.reader().statistics.liveDocs == 310)

        // 400 queries pipelined on one connection; the next snapshot lands while they run.
        try add(index, 310..<400, "alpha")
        let queries = 400
        let counts = try await blocking { () -> [Int] in
            for _ in 0..<queries { try connection.send(.count(query: "alpha", options: QueryOptions())) }
            let third = try SnapshotWriter.write(index, to: snapshots + "/three")
            #expect(third.commit > newest.commit)
            return try (0..<queries).map { _ in
                guard case .count(let total, _) = try connection.readReply() else { throw ServerError("not a COUNT") }
                return total
            }
        }
        #expect(Set(counts).isSubset(of: [310, 400]), "\(Set(counts))")
        #expect(counts == counts.sorted(), "a query saw the old snapshot after one saw the new")

        // The switch is prompt (inotify); then queries see the new snapshot on the same connection.
        let deadline = Date().addingTimeInterval(10)
        var after = try await blocking { try self.info(connection) }
        while after["snapshot"] != "three" && Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
            after = try await blocking { try self.info(connection) }
        }
        #expect(after["snapshot"] == "three" && after["docs"] == "400")
        guard case .count(let total, _) = try await blocking({ try connection.call(.count(query: "alpha", options: QueryOptions())) }) else {
            throw ServerError("not a COUNT")
        }
        #expect(total == 400)
        #expect(try !mapped(snapshots + "/two"), "the old snapshot's environment is still open")
        #expect(try mapped(snapshots + "/three"))
        // Nothing was written into the snapshots.
        #expect(try FileManager.default.contentsOfDirectory(atPath: snapshots + "/three") == ["data.mdb"])
        server.shutdown()
        try await task.value
    }

    /// The primary publishes after commits, at most once per period, and keeps the newest K;
    /// a replica of its directory follows.
    @Test func aPublishingPrimaryWritesSnapshotsAfterCommitsAndKeepsTheNewest() async throws {
        let dir = TemporaryDirectory("publish")
        let snapshots = dir.path + "/snapshots"
        try FileManager.default.createDirectory(atPath: snapshots + "/.snapshot-00000000000000000001.partial-left", withIntermediateDirectories: true)
        let primary = try await TestServer(configure: { configuration in
            configuration.replication.publish = snapshots
            configuration.replication.publishEverySeconds = 1
            configuration.replication.keep = 2
        })
        func published() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: snapshots).sorted() }
        func waitFor(_ condition: () throws -> Bool) async throws {
            let deadline = Date().addingTimeInterval(15)
            while try !condition() && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        }
        let commit = try primary.server.index.reader().commit
        try await waitFor { try published().contains(SnapshotPublisherName.of(commit)) }
        // The partial copy a crash left is gone; the empty index at start may have been published too.
        #expect(try published().last == SnapshotPublisherName.of(commit) && published().allSatisfy { $0.hasPrefix("snapshot-") })

        let (replica, replicaAddress, replicaTask) = try await replica(following: snapshots)
        var commits = [commit]
        for round in 0..<3 {
            try "round \(round) zebra".write(toFile: primary.root + "/r\(round).txt", atomically: true, encoding: .utf8)
            let connection = try await blocking { try primary.connect() }
            _ = try await blocking { try connection.call(.index(path: primary.root + "/r\(round).txt")) }
            let next = try primary.server.index.reader().commit
            commits.append(next)
            try await waitFor { try published().contains(SnapshotPublisherName.of(next)) }
        }
        #expect(try published() == commits.suffix(2).map(SnapshotPublisherName.of))
        let connection = try await blocking { try LoupeConnection(address: replicaAddress) }
        try await waitFor { try self.info(connection)["commit"] == String(commits.last!) }
        let replicaInfo = try await blocking { try self.info(connection) }
        #expect(replicaInfo["snapshot"] == SnapshotPublisherName.of(commits.last!))
        guard case .count(let total, _) = try await blocking({ try connection.call(.count(query: "zebra", options: QueryOptions())) }) else {
            throw ServerError("not a COUNT")
        }
        #expect(total == 3)
        replica.shutdown()
        try await replicaTask.value
        try await primary.stop()
    }
}

/// The publisher's naming, as the docs state it: `snapshot-` and the commit in 20 digits.
enum SnapshotPublisherName {
    static func of(_ commit: UInt64) -> String {
        let digits = String(commit)
        return "snapshot-" + String(repeating: "0", count: 20 - digits.count) + digits
    }
}
