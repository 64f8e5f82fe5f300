import LoupeConfig
import LoupeProtocol

extension ServerConfiguration {
    /// The configuration from `file` (every option has a default when it is nil or silent),
    /// overridden by `LOUPED_<SECTION>_<KEY>` environment variables. Flags are applied by the caller
    /// afterwards, so they override both.
    ///
    /// - Parameters:
    ///   - file: a `louped.toml` (the shipped one documents every option).
    ///   - environment: the process environment.
    /// - Throws: ``ServerError`` naming the option for unknown keys and bad values.
    public static func load(file: String?, environment: [String: String]) throws(ServerError) -> ServerConfiguration {
        var source = try ConfigurationSource(file: file, environment: environment)
        var config = ServerConfiguration(indexPath: try source.string("index.path", ""))
        config.roots = try source.strings("index.roots")
        config.watch = try source.bool("index.watch", config.watch)

        let listen = try source.string("server.listen", "127.0.0.1:\(LoupeProtocol.defaultPort)")
        do {
            config.listen = listen.isEmpty ? nil : try ServerAddress(parsing: listen)
        } catch {
            throw ServerError("server.listen: \(error.message)")
        }
        let socket = try source.string("server.unix_socket", "")
        config.unixSocket = socket.isEmpty ? nil : socket
        config.queryThreads = try source.int("server.threads", 0, range: 0...256)
        config.ioThreads = try source.int("server.io_threads", 1, range: 1...64)
        let token = try source.string("auth.token", "")
        config.token = token.isEmpty ? nil : token

        var limits = ServerLimits()
        limits.maxConnections = try source.int("limits.max_connections", limits.maxConnections, range: 1...1_000_000)
        limits.maxLineBytes = try source.int("limits.max_line_bytes", limits.maxLineBytes, range: 64...(64 << 20))
        limits.maxLimit = try source.int("limits.max_limit", limits.maxLimit, range: 1...1_000_000)
        limits.maxOffset = try source.int("limits.max_offset", limits.maxOffset, range: 0...100_000_000)
        limits.idleTimeoutSeconds = try source.int("limits.idle_timeout_s", limits.idleTimeoutSeconds, range: 1...86400 * 7)
        limits.maxClauses = try source.int("limits.max_clauses", limits.maxClauses, range: 1...1_000_000)
        limits.maxExpansions = try source.int("limits.max_expansions", limits.maxExpansions, range: 1...1_000_000)
        limits.queryBudgetMilliseconds = try source.int("limits.query_budget_ms", limits.queryBudgetMilliseconds, range: 1...3_600_000)
        limits.maxPipelined = try source.int("limits.max_pipelined", limits.maxPipelined, range: 1...65536)
        config.limits = limits

        let follow = try source.string("replication.follow", "")
        config.replication.follow = follow.isEmpty ? nil : follow
        config.replication.checkEverySeconds = try source.int("replication.check_every_s", 5, range: 1...86400)
        let publish = try source.string("replication.publish", "")
        config.replication.publish = publish.isEmpty ? nil : publish
        config.replication.publishEverySeconds = try source.int("replication.publish_every_s", 60, range: 1...86400 * 7)
        config.replication.keep = try source.int("replication.keep", 3, range: 1...10_000)

        let engineFile = try source.string("server.loupe_config", "")
        try source.rejectUnknownKeys()
        do {
            config.engine = try LoupeSettings.load(explicitPath: engineFile.isEmpty ? nil : engineFile)
        } catch {
            throw ServerError("engine settings: \(error)")
        }
        return config
    }
}
