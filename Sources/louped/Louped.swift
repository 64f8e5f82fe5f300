import ArgumentParser
import Foundation
import Logging
import LoupeConfig
import LoupeProtocol
import LoupeServer
import ServiceLifecycle

/// `louped`: serve one index over the line protocol of docs/protocol.md until SIGTERM or SIGINT.
@main
struct Louped: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "louped",
        abstract: "Serve a Loupe index over a line protocol (docs/protocol.md).",
        discussion: """
            Each option is set by its flag, else a LOUPED_<SECTION>_<KEY> environment variable (LOUPED_AUTH_TOKEN, \
            LOUPED_LIMITS_MAX_CONNECTIONS, ...), else --config FILE (else $LOUPED_CONFIG; config/louped.toml documents \
            every option), else its default. --check-config prints the effective options and where each came from, \
            and the search settings a limit lowers. The roots are watched (unless --no-watch or index.watch = false): scanned at start, then \
            changes under them are indexed in debounced batches. SIGTERM or SIGINT stops accepting, finishes in-flight \
            requests, commits the changes noticed, and exits 0.
            """,
        version: LoupeServer.version)

    @Option(name: .long, help: "The index directory (created when missing; default: index.path of the config).")
    var index: String?

    @Option(name: .long, help: "HOST:PORT to listen on (default 127.0.0.1:7700); an empty value listens on no TCP port.")
    var listen: String?

    @Option(name: .long, help: "The configuration file (default: $LOUPED_CONFIG).")
    var config: String?

    @Option(name: .customLong("unix-socket"), help: "Also listen on this Unix socket path.")
    var unixSocket: String?

    @Option(name: .customLong("root"), help: "A folder INDEX may index and the daemon watches (repeatable; replaces index.roots).")
    var roots: [String] = []

    @Flag(inversion: .prefixedNo, help: "Follow the roots with inotify, indexing what changes under them (default: index.watch, true).")
    var watch: Bool?

    @Option(name: .long, help: "Query threads (default: server.threads, 0 = one per core).")
    var threads: Int?

    @Option(name: .long, help: "Be a read-only replica: serve the newest complete snapshot in DIR and switch to newer ones (replaces --index).")
    var follow: String?

    @Option(name: .long, help: "Publish snapshots of the index into DIR after commits (see --publish-every, --publish-keep).")
    var publish: String?

    @Option(name: .customLong("publish-every"), help: "At most one snapshot per SECONDS (default: replication.publish_every_s, 60).")
    var publishEvery: Int?

    @Option(name: .customLong("publish-keep"), help: "Snapshots to keep in the publish directory (default: replication.keep, 3).")
    var publishKeep: Int?

    @Flag(name: .customLong("check-config"), help: "Print the effective configuration (both files, the environment and these flags) and exit: 0 when valid, 1 with the error otherwise.")
    var checkConfig = false

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (default: info).")
    var logLevel: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let level = logLevel ?? environment["LOUPED_LOG_LEVEL"] ?? "info"
        guard let parsedLevel = Logger.Level(rawValue: level) else { throw ValidationError("--log-level: unknown level \(level)") }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = parsedLevel
            return handler
        }
        let logger = Logger(label: "louped")
        do {
            let configuration = try settings(environment)
            if checkConfig {
                print(configuration.listing, terminator: "")
                return
            }
            let server = try LoupeServer(configuration: configuration, logger: logger)
            let group = ServiceGroup(configuration: ServiceGroupConfiguration(
                services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        } catch let error as ServerError {
            FileHandle.standardError.write(Data("louped: \(error)\n".utf8))
            throw ExitCode.failure
        } catch let error as ConfigError {
            FileHandle.standardError.write(Data("louped: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// The flags, then the environment, then the file (``ServerConfiguration/load(file:environment:flags:)``).
    private func settings(_ environment: [String: String]) throws -> ServerConfiguration {
        if follow != nil && (index != nil || !roots.isEmpty) {
            throw ServerError("--follow serves snapshots read-only: it takes no --index and no --root")
        }
        let file = config ?? environment["LOUPED_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        let configuration = try ServerConfiguration.load(file: file, environment: environment, flags: flags)
        guard !configuration.indexPath.isEmpty || configuration.replication.follow != nil else {
            throw ServerError("no index: give --index DIR (or index.path in the configuration), or --follow DIR")
        }
        guard configuration.listen != nil || configuration.unixSocket != nil else {
            throw ServerError("nothing to listen on: give --listen HOST:PORT or --unix-socket PATH")
        }
        return configuration
    }

    /// The flags given, by the option of `louped.toml` each sets.
    private var flags: [String: ConfigFlag] {
        var flags: [String: ConfigFlag] = [:]
        func set(_ key: String, _ name: String, _ value: String?) {
            if let value { flags[key] = ConfigFlag(name, value) }
        }
        set("index.path", "--index", index)
        set("server.listen", "--listen", listen)
        set("server.unix_socket", "--unix-socket", unixSocket)
        if !roots.isEmpty { flags["index.roots"] = ConfigFlag("--root", roots) }
        set("index.watch", watch == false ? "--no-watch" : "--watch", watch.map { String($0) })
        set("server.threads", "--threads", threads.map { String($0) })
        set("replication.follow", "--follow", follow)
        set("replication.publish", "--publish", publish)
        set("replication.publish_every_s", "--publish-every", publishEvery.map { String($0) })
        set("replication.keep", "--publish-keep", publishKeep.map { String($0) })
        return flags
    }
}
