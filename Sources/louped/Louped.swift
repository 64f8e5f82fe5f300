import ArgumentParser
import Foundation
import Logging
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
            Options come from --config FILE (else $LOUPED_CONFIG; config/louped.toml documents every one), then \
            LOUPED_<SECTION>_<KEY> environment variables (LOUPED_AUTH_TOKEN, LOUPED_LIMITS_MAX_CONNECTIONS, ...), \
            then these flags. The roots are watched (unless --no-watch or index.watch = false): scanned at start, then \
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
            let server = try LoupeServer(configuration: configuration, logger: logger)
            let group = ServiceGroup(configuration: ServiceGroupConfiguration(
                services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        } catch let error as ServerError {
            FileHandle.standardError.write(Data("louped: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// The file, then the environment, then the flags.
    private func settings(_ environment: [String: String]) throws -> ServerConfiguration {
        let file = config ?? environment["LOUPED_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        var configuration = try ServerConfiguration.load(file: file, environment: environment)
        if let index { configuration.indexPath = index }
        if follow != nil && (index != nil || !roots.isEmpty) {
            throw ServerError("--follow serves snapshots read-only: it takes no --index and no --root")
        }
        if let follow { configuration.replication.follow = follow }
        if let publish { configuration.replication.publish = publish }
        if let publishEvery {
            guard publishEvery >= 1 else { throw ServerError("--publish-every must be at least 1 second, got \(publishEvery)") }
            configuration.replication.publishEverySeconds = publishEvery
        }
        if let publishKeep {
            guard publishKeep >= 1 else { throw ServerError("--publish-keep must be at least 1, got \(publishKeep)") }
            configuration.replication.keep = publishKeep
        }
        guard !configuration.indexPath.isEmpty || configuration.replication.follow != nil else {
            throw ServerError("no index: give --index DIR (or index.path in the configuration), or --follow DIR")
        }
        if let listen {
            do {
                configuration.listen = listen.isEmpty ? nil : try ServerAddress(parsing: listen)
            } catch {
                throw ServerError("--listen: \(error.message)")
            }
        }
        if let unixSocket { configuration.unixSocket = unixSocket }
        if !roots.isEmpty { configuration.roots = roots }
        if let watch { configuration.watch = watch }
        if let threads { configuration.queryThreads = threads }
        guard configuration.listen != nil || configuration.unixSocket != nil else {
            throw ServerError("nothing to listen on: give --listen HOST:PORT or --unix-socket PATH")
        }
        return configuration
    }
}
