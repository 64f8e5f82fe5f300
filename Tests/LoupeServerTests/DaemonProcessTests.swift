import Foundation
import LoupeClient
import LoupeProtocol
import LoupeServer
import LoupeTestSupport
import Testing

@Suite("The louped executable", .timeLimit(.minutes(2)))
struct DaemonProcessTests {
    /// The built `louped` (beside the test bundle in the build folder).
    static let binary = BuiltExecutable.path("louped")

    /// Starts `louped` on an ephemeral loopback port and returns it with the port from its log.
    func launch(_ arguments: [String], environment: [String: String] = [:]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("LOUPED_") && !$0.key.hasPrefix("LOUPE_") }
        env.merge(environment) { $1 }
        process.environment = env
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return (process, errors)
    }

    /// Reads the daemon's log until the `serving` line and returns the address it names.
    func servingAddress(_ errors: Pipe) throws -> ServerAddress {
        var log = ""
        for _ in 0..<200 {
            let data = errors.fileHandleForReading.availableData
            if data.isEmpty { break }
            log += String(decoding: data, as: UTF8.self)
            if let range = log.range(of: #"listen=127\.0\.0\.1:\d+"#, options: .regularExpression) {
                return try ServerAddress(parsing: String(log[range].dropFirst("listen=".count)))
            }
        }
        throw ServerError("louped did not start: \(log)")
    }

    @Test func sigtermStopsItCleanlyAndASecondDaemonIsRefused() async throws {
        let directory = TemporaryDirectory("louped")
        try directory.write("docs/a.txt", "Cold war\nthe cold war")
        try directory.write("louped.toml", "[limits]\nmax_limit = 7\n[index]\nroots = [\"\(directory.path)/docs\"]\n")
        let (daemon, errors) = try launch([
            "--index", directory.path + "/index", "--listen", "127.0.0.1:0", "--config", directory.path + "/louped.toml",
        ], environment: ["LOUPED_LIMITS_MAX_OFFSET": "3"])
        defer { if daemon.isRunning { daemon.terminate() } }
        let address = try servingAddress(errors)
        try await blocking {
            let connection = try LoupeConnection(address: address)
            #expect(try connection.call(.index(path: directory.path + "/docs")) != .pong)
            // The file's limit and the environment's both apply.
            #expect(throws: ClientError.self) { try connection.call(.search(SearchRequest(query: "war", limit: 8))) }
            #expect(throws: ClientError.self) { try connection.call(.search(SearchRequest(query: "war", offset: 4))) }
            guard case .results(let results) = try connection.call(.search(SearchRequest(query: "war", limit: 7, offset: 3))) else {
                throw ServerError("not results")
            }
            #expect(results.total == 1)
        }

        let (second, secondErrors) = try launch(["--index", directory.path + "/index", "--listen", "127.0.0.1:0"])
        defer { if second.isRunning { second.terminate() } }
        second.waitUntilExit()
        let message = String(decoding: secondErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(second.terminationStatus != 0)
        #expect(message.contains("louped: another louped (pid \(daemon.processIdentifier)) is already serving the index at \(directory.path)/index"))

        let idle = try await blocking { try LoupeConnection(address: address) }
        daemon.terminate()  // SIGTERM
        daemon.waitUntilExit()
        #expect(daemon.terminationReason == .exit && daemon.terminationStatus == 0)
        let farewell = try await blocking { try idle.readReply() }
        #expect(farewell == .bye)
    }

    @Test func aBadConfigurationIsOneClearLine() throws {
        let directory = TemporaryDirectory("louped")
        try directory.write("bad.toml", "[limits]\nmax_conections = 3\n")
        let (daemon, errors) = try launch(["--index", directory.path + "/index", "--config", directory.path + "/bad.toml"])
        defer { if daemon.isRunning { daemon.terminate() } }
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus != 0)
        #expect(String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            == "louped: \(directory.path)/bad.toml: unknown option `limits.max_conections`\n")
    }
}
