import LoupeProtocol

extension ServerConfiguration {
    /// The `LOUPED_` variables `louped` reads itself, which set no option of the file.
    public static let programVariables: Set<String> = ["LOUPED_CONFIG", "LOUPED_LOG_LEVEL"]

    /// The configuration from `flags`, then `LOUPED_<SECTION>_<KEY>` environment variables, then
    /// `file`, then the defaults (the first that sets an option wins); the engine settings from
    /// the `loupe.toml` that `server.loupe_config` names (else `$LOUPE_CONFIG`, else
    /// `~/.config/loupe/loupe.toml`, as `loupe` finds it), with `LOUPE_<SECTION>_<KEY>` over it.
    ///
    /// - Parameters:
    ///   - file: a `louped.toml`; nil reads none.
    ///   - environment: the process environment.
    ///   - flags: the command-line flags, by the option they set (`"server.threads": --threads`).
    /// - Throws: ``ConfigError`` naming the file and line, variable or flag, and the option: for
    ///   an unreadable file, bad TOML, an unknown option, a value of the wrong type or out of range,
    ///   or a `LOUPED_` variable that sets nothing (a misspelled option).
    public static func load(
        file: String?, environment: [String: String], flags: [String: ConfigFlag] = [:]
    ) throws(ConfigError) -> ServerConfiguration {
        var source = try ConfigSource(file: file, prefix: "LOUPED", environment: environment, flags: flags)
        var config = ServerConfiguration(indexPath: "")
        config.indexPath = try source.string("index.path", config.indexPath)
        config.roots = try source.strings("index.roots", config.roots)
        config.watch = try source.bool("index.watch", config.watch)

        let listen = try source.string("server.listen", config.listen.map(\.description) ?? "")
        do {
            config.listen = listen.isEmpty ? nil : try ServerAddress(parsing: listen)
        } catch {
            let origin = source.resolved.last?.origin.description ?? "server.listen"
            throw ConfigError(place: origin, key: "server.listen", message: error.message)
        }
        config.unixSocket = try source.string("server.unix_socket", config.unixSocket ?? "").nilIfEmpty
        config.queryThreads = try source.int("server.threads", config.queryThreads, range: 0...256)
        config.ioThreads = try source.int("server.io_threads", config.ioThreads, range: 0...64)
        let engineFile = try source.string("server.loupe_config", "")

        let follow = try source.string("replication.follow", config.replication.follow ?? "")
        config.replication.follow = follow.nilIfEmpty
        config.replication.checkEverySeconds = try source.int("replication.check_every_s", config.replication.checkEverySeconds, range: 1...86400)
        config.replication.publish = try source.string("replication.publish", config.replication.publish ?? "").nilIfEmpty
        config.replication.publishEverySeconds = try source.int(
            "replication.publish_every_s", config.replication.publishEverySeconds, range: 1...86400 * 7)
        config.replication.keep = try source.int("replication.keep", config.replication.keep, range: 1...10_000)

        config.token = try source.string("auth.token", config.token ?? "").nilIfEmpty

        var limits = config.limits
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

        try source.rejectUnknownKeys()
        try source.rejectUnknownVariables(except: ServerConfiguration.programVariables)
        config.file = file
        config.resolved = source.resolved
        config.engine = try LoupeSettings.load(explicitPath: engineFile.nilIfEmpty, environment: environment)
        return config
    }
}

extension String {
    /// nil for the empty string, which the files use for "none".
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
