import Foundation
import LoupeTestSupport
import LoupeClient
import LoupeProtocol
import Testing

@Suite("Auth, roots and limits", .timeLimit(.minutes(2)))
struct AccessTests {
    @Test func aConfiguredTokenIsRequiredAcceptedAndRejected() async throws {
        let server = try await TestServer(token: "s3cret-token")
        try await blocking {
            let connection = try server.connect()
            #expect(connection.greeting.authRequired)
            let session = RawSession(connection)
            #expect(try session.exchange("PING") == ["PONG"])
            #expect(try session.exchange("COUNT war") == ["ERR AUTH_REQUIRED send AUTH <token> first"])
            #expect(try session.exchange("INDEX \(server.root)") == ["ERR AUTH_REQUIRED send AUTH <token> first"])
            #expect(try session.exchange("AUTH s3cret-tokeN") == ["ERR AUTH_FAILED wrong token"])
            #expect(try session.exchange("AUTH s3cret") == ["ERR AUTH_FAILED wrong token"])
            #expect(try session.exchange("AUTH s3cret-token") == ["OK"])
            #expect(try session.exchange("COUNT war").maskingTimes == ["COUNT 3 took_us=T"])

            // Three wrong tokens close the connection.
            let guesser = RawSession(try server.connect())
            #expect(try guesser.exchange("AUTH a") == ["ERR AUTH_FAILED wrong token"])
            #expect(try guesser.exchange("AUTH b") == ["ERR AUTH_FAILED wrong token"])
            #expect(try guesser.exchange("AUTH c") == ["ERR AUTH_FAILED wrong token"])
            #expect(try guesser.connection.readLine() == nil)

            #expect(throws: ClientError.self) { try server.connect(token: "nope") }
            #expect(try server.connect(token: "s3cret-token").call(.ping) == .pong)
        }
        try await server.stop()
    }

    @Test func withoutATokenAuthIsNotNeeded() async throws {
        let server = try await TestServer(index: false)
        try await blocking {
            let session = RawSession(try server.connect())
            #expect(try session.exchange("AUTH anything") == ["OK auth=none"])
        }
        try await server.stop()
    }

    @Test func indexIsRefusedOutsideTheRoots() async throws {
        let server = try await TestServer()
        let outside = server.directory.path + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try "secret".write(toFile: outside + "/s.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: server.root + "/escape", withDestinationPath: outside)
        try await blocking {
            let session = RawSession(try server.connect())
            for path in ["/etc", outside, server.root + "/../outside", server.root + "/escape", server.root + "/escape/s.txt", server.root + "x"] {
                #expect(try session.exchange("INDEX \(path)") == ["ERR FORBIDDEN \(path) is outside the configured roots"], "\(path)")
            }
            #expect(try session.exchange("INDEX docs") == ["ERR BAD_ARGUMENT INDEX needs an absolute path, got docs"])
            #expect(try session.exchange("INDEX \(server.root)/no/such/thing") == ["ERR NOT_FOUND no such file or folder: \(server.root)/no/such/thing"])
            #expect(try session.exchange("INDEX \(server.root)/./notes").first?.hasPrefix("OK ") == true)
        }
        try await server.stop()

        let closed = try await TestServer(index: false, roots: [])
        try await blocking {
            let session = RawSession(try closed.connect())
            #expect(try session.exchange("INDEX \(closed.root)") == ["ERR FORBIDDEN INDEX is disabled: the server has no index.roots"])
        }
        try await closed.stop()
    }

    @Test func limitsGiveClearErrors() async throws {
        let server = try await TestServer { config in
            config.limits.maxLimit = 50
            config.limits.maxOffset = 100
            config.limits.maxExpansions = 2
            config.limits.maxClauses = 3
            config.limits.maxConnections = 3
        }
        try await blocking {
            let session = RawSession(try server.connect())
            #expect(try session.exchange("SEARCH limit=51 war") == ["ERR LIMIT_EXCEEDED limit=51 is over the server's maximum of 50"])
            #expect(try session.exchange("SEARCH offset=101 war") == ["ERR LIMIT_EXCEEDED offset=101 is over the server's maximum of 100"])
            #expect(try session.exchange("SEARCH limit=50 offset=100 war").maskingTimes == ["RESULTS 0 total=3 took_us=T", "END"])
            #expect(try session.exchange("COUNT a b c d").first?.hasPrefix("ERR LIMIT_EXCEEDED") == true)
            #expect(try session.exchange("COUNT s*").first?.hasPrefix("ERR LIMIT_EXCEEDED s* matches more than 2 terms") == true)
            let second = try server.connect(), third = try server.connect()
            do {
                _ = try server.connect()
                Issue.record("a fourth connection was accepted")
            } catch ClientError.server(let error) {
                #expect(error == ProtocolError(.busy, "too many connections (the maximum is 3); try again later"))
            }
            withExtendedLifetime((second, third)) {}
        }
        try await server.stop()
    }

    /// The engine's search.max_clauses / max_expansions and the daemon's limits of the same
    /// names: the lower applies, whichever of the two it is.
    @Test func limitsAndSearchSettingsCapEachOther() async throws {
        let engineLower = try await TestServer { config in
            config.engine.search.maxClauses = 2
            config.engine.search.maxExpansions = 1
        }
        let limitLower = try await TestServer { config in
            config.limits.maxClauses = 2
            config.limits.maxExpansions = 1
        }
        for server in [engineLower, limitLower] {
            try await blocking {
                let session = RawSession(try server.connect())
                #expect(try session.exchange("COUNT cold war").first?.hasPrefix("COUNT 3 ") == true)
                #expect(try session.exchange("COUNT cold war peace").first?.hasPrefix("ERR LIMIT_EXCEEDED") == true)
                #expect(try session.exchange("COUNT mo*").first?.hasPrefix("COUNT 1 ") == true)
                #expect(try session.exchange("COUNT w*").first?.hasPrefix("ERR LIMIT_EXCEEDED w* matches more than 1 terms") == true)
            }
            try await server.stop()
        }
    }

    @Test func aQueryOverItsBudgetIsAnsweredTimeoutAndTheConnectionGoesOn() async throws {
        // Loading (decompressing and decoding) about 9 MB of varied text takes several
        // milliseconds even on a fast idle machine; the budget is 1 ms.
        let big = (0..<200_000).map { "alpha\($0) beta\($0 % 977) gamma\($0 % 31) delta epsilon\n" }.joined()
        let server = try await TestServer(documents: ["big.txt": big, "small.txt": "war"]) { $0.limits.queryBudgetMilliseconds = 1 }
        try await blocking {
            let session = RawSession(try server.connect())
            #expect(try session.exchange("GET big.txt") == ["ERR TIMEOUT the query took longer than the 1 ms budget"])
            #expect(try session.exchange("PING") == ["PONG"])
        }
        try await server.stop()
    }

    @Test func aUnixSocketServesToo() async throws {
        let socketDirectory = TemporaryDirectory("sock")
        let path = socketDirectory.path + "/louped.sock"
        let server = try await TestServer { $0.unixSocket = path }
        try await blocking {
            let connection = try LoupeConnection(address: .unix(path: path))
            let reply = try connection.call(.count(query: "war", options: QueryOptions()))
            guard case .count(let total, _) = reply else { throw ClientError.protocolViolation("COUNT answered \(reply)") }
            #expect(total == 3)
        }
        try await server.stop()
    }

    @Test func idleConnectionsAreClosed() async throws {
        let server = try await TestServer(index: false) { $0.limits.idleTimeoutSeconds = 1 }
        try await blocking {
            let connection = try server.connect()
            #expect(try connection.call(.ping) == .pong)
            #expect(try connection.readLine() == "ERR TIMEOUT idle for 1 s; closing")
            #expect(try connection.readLine() == nil)
        }
        try await server.stop()
    }
}
