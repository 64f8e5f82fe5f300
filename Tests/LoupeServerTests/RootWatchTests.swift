import Foundation
import Logging
import LoupeClient
import LoupeConfig
import LoupeIndex
import LoupeProtocol
import LoupeServer
import LoupeTestSupport
import Testing

@Suite("The daemon follows its roots", .timeLimit(.minutes(3)))
struct RootWatchTests {
    /// Every change pattern, each seen by SEARCH within 2 s of being made, and the startup scan.
    @Test func changesUnderTheRootShowUpInSearches() async throws {
        let server = try await TestServer(index: false, watch: true)
        let outside = server.directory.path + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try await blocking {
            let client = try SearchClient(server.connect())
            // The files there before the server started are scanned in.
            try client.waitUntil("the startup scan", within: .seconds(30)) { try client.documents() == 4 }
            #expect(try client.ids("war") == ["cold.txt", "notes/tab file.txt", "peace.md"])
            #expect(try client.info("watching") == "1")

            try write(server.root + "/new.txt", "Zebra crossing\nzebras everywhere")
            try client.waitUntil("a new file") { try client.ids("zebra") == ["new.txt"] }

            // An editor's save: the new text goes to a temporary file renamed over the original.
            try write(server.root + "/new.txt.tmp-4913", "Quokka sightings\nquokkas only")
            try move(server.root + "/new.txt.tmp-4913", server.root + "/new.txt")
            try client.waitUntil("the saved text") { try client.ids("quokka") == ["new.txt"] && client.ids("zebra").isEmpty }
            #expect(try client.documents() == 5)  // the temporary file is not a document

            try FileManager.default.removeItem(atPath: server.root + "/new.txt")
            try client.waitUntil("a deleted file gone") { try client.ids("quokka").isEmpty }

            try write(server.root + "/sub/a.txt", "Kiwi one\nkiwi fruit")
            try write(server.root + "/sub/deeper/b.txt", "Kiwi two\nkiwi birds")
            try client.waitUntil("a new folder's files") { try client.ids("kiwi") == ["sub/a.txt", "sub/deeper/b.txt"] }
            try FileManager.default.removeItem(atPath: server.root + "/sub")
            try client.waitUntil("a deleted folder's files gone") { try client.ids("kiwi").isEmpty }

            try move(server.root + "/cold.txt", outside + "/cold.txt")
            try client.waitUntil("a file moved out gone") { try client.ids("cold").isEmpty }
            try move(outside + "/cold.txt", server.root + "/notes/cold again.txt")
            try client.waitUntil("a file moved in") { try client.ids("cold") == ["notes/cold again.txt"] }
            #expect(try client.documents() == 4)
        }
        try await server.stop()
    }

    /// INDEX and DELETE sent while the watcher indexes a burst of files all succeed (or find
    /// nothing to delete), and the index ends exact and sound: the two never write at once.
    @Test func writeCommandsTakeTurnsWithTheWatcher() async throws {
        let server = try await TestServer(index: false, watch: true)
        let root = server.root
        let files = 400
        let replies = try await blocking { () -> [String] in
            let client = try SearchClient(server.connect())
            try client.waitUntil("the startup scan", within: .seconds(30)) { try client.documents() == 4 }
            let written = Flag()
            // Twenty waves, so that the watcher commits many batches while the commands run.
            let writing = Thread {
                for i in 0..<files {
                    try? write(root + "/burst/\(i % 5)/f\(i).txt", "Burst \(i)\nburst item number \(i)")
                    if i % 20 == 19 { Thread.sleep(forTimeInterval: 0.1) }
                }
                written.set()
            }
            writing.start()
            var replies: [String] = []
            var round = 0
            var extra = 0
            while extra < 3 {
                if written.isSet { extra += 1 }
                // Pipelined, so the write thread stays busy while the watcher commits its batches.
                var requests: [Request] = []
                for j in 0..<8 {
                    let k = (round * 8 + j) % files
                    requests += [
                        .delete(id: "burst/\(k % 5)/f\(k).txt"), .index(path: root + "/burst/\(k % 5)/f\(k).txt"),
                        .index(path: root + "/burst/\(k % 5)"),
                    ]
                }
                requests.append(.index(path: root))
                for request in requests { try client.connection.send(request) }
                for request in requests {
                    switch try client.connection.readReply() {
                    case .ok: replies.append("OK")
                    case .error(let error) where error.code == .notFound:
                        replies.append("NOT_FOUND")  // a folder not made yet, a file not indexed yet
                    case let other: replies.append("\(request): \(other)")
                    }
                }
                round += 1
            }
            // The last INDEX of the root brought back what DELETE removed while its file stays.
            #expect(try client.call(.index(path: root)).isOK)
            #expect(try client.documents() == 4 + files)
            #expect(try client.count("burst") == files)
            return replies
        }
        #expect(replies.count >= 12)
        #expect(replies.allSatisfy { $0 == "OK" || $0 == "NOT_FOUND" }, "\(replies.filter { $0 != "OK" && $0 != "NOT_FOUND" })")
        try await server.stop()
        let check = try IndexChecker(index: server.server.index).check()
        #expect(check.isSound, "\(check.problems)")
    }

    /// A root that cannot be watched stops the server with one line that says how to serve
    /// without watching; with `watch` off, the same roots serve `INDEX`.
    @Test func rootsThatCannotBeWatchedAreOneClearError() throws {
        let directory = TemporaryDirectory("server")
        let file = try directory.write("file.txt", "not a folder")
        var configuration = ServerConfiguration(indexPath: directory.path + "/index")
        configuration.listen = .tcp(host: "127.0.0.1", port: 0)
        configuration.roots = [file]
        var logger = Logger(label: "louped-test")
        logger.logLevel = .critical
        do {
            _ = try LoupeServer(configuration: configuration, logger: logger)
            Issue.record("a file was accepted as a root to watch")
        } catch {
            #expect(error.description.hasPrefix("cannot watch index.roots: "))
            #expect(error.description.hasSuffix(
                "file.txt is not a directory (set index.watch = false, or give --no-watch, to serve without watching)"))
        }
        configuration.watch = false
        #expect(try LoupeServer(configuration: configuration, logger: logger).configuration.roots == [file])
    }
}

/// Searches and counters over one connection, with polling against a deadline.
final class SearchClient: @unchecked Sendable {
    let connection: LoupeConnection

    init(_ connection: LoupeConnection) { self.connection = connection }

    /// The reply to `request`; an `ERR` reply is thrown as ``ClientError/server(_:)``.
    func call(_ request: Request) throws(ClientError) -> Reply { try connection.call(request) }

    /// The ids of every document matching `query`, in rank order.
    func ids(_ query: String) throws -> [String] {
        guard case .results(let results) = try call(.search(SearchRequest(query: query, limit: 1000, snippets: false))) else {
            throw ClientError.protocolViolation("SEARCH \(query) did not answer RESULTS")
        }
        return results.hits.map(\.id).sorted()
    }

    /// How many documents match `query`.
    func count(_ query: String) throws -> Int {
        guard case .count(let total, _) = try call(.count(query: query, options: QueryOptions())) else {
            throw ClientError.protocolViolation("COUNT \(query) did not answer COUNT")
        }
        return total
    }

    /// One value of `INFO`.
    func info(_ name: String) throws -> String? {
        guard case .info(let fields) = try call(.info) else { throw ClientError.protocolViolation("INFO did not answer INFO") }
        return fields.first { $0.name == name }?.value
    }

    /// The live documents of the index, from `INFO`.
    func documents() throws -> Int { Int(try info("docs") ?? "") ?? -1 }

    /// Polls `condition` until it holds; throws when it still does not after `within`.
    func waitUntil(_ what: String, within: Duration = .seconds(2), _ condition: () throws -> Bool) throws {
        let start = ContinuousClock.now
        while try !condition() {
            guard start.duration(to: .now) < within else { throw ServerTestError("no \(what) within \(within)") }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }
}

struct ServerTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Reply {
    var isOK: Bool { if case .ok = self { true } else { false } }
}

/// Writes `text` to `path`, creating its folders.
func write(_ path: String, _ text: String) throws {
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

/// Renames `from` to `to` (over it, if it exists), as `mv` does within a file system.
func move(_ from: String, _ to: String) throws {
    guard rename(from, to) == 0 else { throw ServerTestError("rename \(from) → \(to): errno \(errno)") }
}
