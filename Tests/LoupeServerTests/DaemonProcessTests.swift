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
        try servingAddressAndLog(errors).0
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
            == "louped: \(directory.path)/bad.toml:2: unknown option `limits.max_conections` (did you mean `limits.max_connections`?)\n")
    }

    /// Runs `louped` to its end and returns its status, standard output and standard error.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("LOUPED_") && !$0.key.hasPrefix("LOUPE_") }
        env["HOME"] = "/nonexistent"
        env.merge(environment) { $1 }
        process.environment = env
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, out, err)
    }

    @Test func checkConfigPrintsTheEffectiveOptionsAndWhereEachCameFrom() throws {
        let directory = TemporaryDirectory("louped")
        let engine = try directory.write("loupe.toml", "[search]\nlimit = 50\n")
        let file = try directory.write(
            "louped.toml", "[server]\nthreads = 2\nloupe_config = \"\(engine)\"\n[limits]\nmax_limit = 20\nmax_offset = 30\n")
        let (status, out, err) = try run(
            ["--config", file, "--index", directory.path + "/index", "--threads", "3", "--check-config"],
            environment: ["LOUPED_LIMITS_MAX_OFFSET": "40", "LOUPE_SEARCH_K1": "0.5"])
        #expect(status == 0 && err.isEmpty, "\(err)")
        let lines = out.split(separator: "\n").map(String.init)
        func line(_ prefix: String) -> String? { lines.first { $0.hasPrefix(prefix) } }
        #expect(line("path = ")?.hasSuffix("# --index") == true)
        #expect(line("threads = 3 ")?.hasSuffix("# --threads") == true)
        #expect(line("max_offset = 40 ")?.hasSuffix("# $LOUPED_LIMITS_MAX_OFFSET") == true)
        #expect(line("max_limit = 20 ")?.hasSuffix("# \(file):5") == true)
        #expect(line("max_connections = 256 ")?.hasSuffix("# default") == true)
        #expect(line("k1 = 0.5 ")?.hasSuffix("# $LOUPE_SEARCH_K1") == true)
        #expect(line("limit = 50 ")?.hasSuffix("# \(engine):2; the daemon uses 20 (limits.max_limit)") == true)
        #expect(lines.last == "# warning: search.limit = 50 (loupe.toml) is over limits.max_limit = 20 (louped.toml): the daemon uses 20")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/index"))  // checking opens nothing

        let (badStatus, badOut, badErr) = try run(["--index", directory.path + "/index", "--threads", "999", "--check-config"])
        #expect(badStatus == 1 && badOut.isEmpty)
        #expect(badErr == "louped: --threads: `server.threads` must be an integer in 0...256, got 999\n")
    }

    @Test func aLimitBelowTheDefaultResultCountIsWarnedAboutAndApplied() async throws {
        let directory = TemporaryDirectory("louped")
        for n in 0..<5 { try directory.write("docs/\(n).txt", "cold war \(n)") }
        let engine = try directory.write("loupe.toml", "[search]\nlimit = 4\n")
        let (daemon, errors) = try launch([
            "--index", directory.path + "/index", "--listen", "127.0.0.1:0", "--root", directory.path + "/docs", "--no-watch",
        ], environment: ["LOUPED_LIMITS_MAX_LIMIT": "2", "LOUPE_CONFIG": engine])
        defer { if daemon.isRunning { daemon.terminate() } }
        let (address, log) = try servingAddressAndLog(errors)
        let warning = log.split(separator: "\n").first { $0.contains(" warning ") && $0.contains("configuration: ") }
        #expect(warning?.hasSuffix(
            "configuration: search.limit = 4 (loupe.toml) is over limits.max_limit = 2 (louped.toml): the daemon uses 2") == true, "\(log)")
        try await blocking {
            let connection = try LoupeConnection(address: address)
            _ = try connection.call(.index(path: directory.path + "/docs"))
            // Without limit=, a search gets the lower of the two, not ERR LIMIT_EXCEEDED.
            guard case .results(let results) = try connection.call(.search(SearchRequest(query: "war"))) else {
                throw ServerError("not results")
            }
            #expect(results.total == 5 && results.hits.count == 2)
        }
        daemon.terminate()
        daemon.waitUntilExit()
    }

    /// Reads the daemon's log until the `serving` line and returns the address it names with the log so far.
    func servingAddressAndLog(_ errors: Pipe) throws -> (ServerAddress, String) {
        var log = ""
        for _ in 0..<200 {
            let data = errors.fileHandleForReading.availableData
            if data.isEmpty { break }
            log += String(decoding: data, as: UTF8.self)
            if let range = log.range(of: #"listen=127\.0\.0\.1:\d+"#, options: .regularExpression) {
                return (try ServerAddress(parsing: String(log[range].dropFirst("listen=".count))), log)
            }
        }
        throw ServerError("louped did not start: \(log)")
    }
}
