import Foundation
import Logging
import LoupeClient
import LoupeConfig
import LoupeProtocol
import LoupeServer
import LoupeTestSupport
import ServiceLifecycle
import Testing

@Suite("Lifecycle", .timeLimit(.minutes(2)))
struct ShutdownTests {
    /// Through a ServiceGroup, as `louped` runs it: the in-flight INDEX is answered and committed,
    /// the idle client gets BYE, then everything closes and `run` returns.
    @Test func gracefulShutdownWithClientsConnected() async throws {
        let directory = TemporaryDirectory("shutdown")
        for i in 0..<300 { try directory.write("docs/d\(i).txt", "Doc \(i)\nwar and more words \(i)") }
        var configuration = ServerConfiguration(indexPath: directory.path + "/index")
        configuration.listen = .tcp(host: "127.0.0.1", port: 0)
        configuration.roots = [directory.path + "/docs"]
        configuration.watch = false  // the INDEX below must add all 300 itself
        var logger = Logger(label: "louped-test")
        logger.logLevel = .critical
        let server = try LoupeServer(configuration: configuration, logger: logger)
        let address = try requireFirst(try await server.start())
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [server], logger: logger))
        let running = Task { try await group.run() }

        let docs = directory.path + "/docs"
        let (replies, idleReplies, refused) = try await blocking { () -> ([Reply], [Reply], Bool) in
            let idle = try LoupeConnection(address: address)
            let writer = try LoupeConnection(address: address, timeoutSeconds: 120)
            try writer.send(.index(path: docs))
            try writer.send(.ping)
            // Let the INDEX start, then stop the group as SIGTERM would.
            Thread.sleep(forTimeInterval: 0.2)
            Task { await group.triggerGracefulShutdown() }
            let replies = [try writer.readReply(), try writer.readReply()]
            let idleReplies = [try idle.readReply()]
            let closed = try idle.readLine() == nil
            var refused = false
            do {
                _ = try LoupeConnection(address: address, timeoutSeconds: 5)
            } catch {
                refused = closed
            }
            return (replies, idleReplies, refused)
        }
        try await running.value
        guard case .ok(let fields) = replies[0] else {
            Issue.record("INDEX got \(replies[0])")
            return
        }
        #expect(fields.first == Reply.Field("added", "300"))
        #expect(replies[1] == .error(ProtocolError(.shuttingDown, "the server is stopping")) || replies[1] == .pong)
        #expect(idleReplies == [.bye])
        #expect(refused)
        // The INDEX committed before the server stopped.
        #expect(try server.index.reader().statistics.liveDocs == 300)
    }

    @Test func aSecondServerOnTheSameIndexIsRefused() async throws {
        let server = try await TestServer(index: false)
        var configuration = server.server.configuration
        configuration.listen = .tcp(host: "127.0.0.1", port: 0)
        do {
            _ = try LoupeServer(configuration: configuration, logger: Logger(label: "second"))
            Issue.record("a second server opened the index")
        } catch {
            #expect(error.description == "another louped (pid \(getpid())) is already serving the index at \(configuration.indexPath); stop it first")
        }
        try await server.stop()
    }
}
