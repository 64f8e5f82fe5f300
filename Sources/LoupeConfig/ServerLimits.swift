/// Every limit the daemon enforces; each is an option of `[limits]` in `config/louped.toml`.
public struct ServerLimits: Sendable, Equatable {
    /// Open connections at once; the next one gets `ERR BUSY` and is closed.
    public var maxConnections = 256
    /// Longest request line in bytes (not counting `\r\n`); longer lines get `ERR LINE_TOO_LONG`.
    public var maxLineBytes = 65536
    /// Largest `limit=` of a search.
    public var maxLimit = 1000
    /// Largest `offset=` of a search.
    public var maxOffset = 10000
    /// Seconds a connection may stay silent (with no request running) before it is closed.
    public var idleTimeoutSeconds = 300
    /// Most words, prefixes and phrases in one query.
    public var maxClauses = 1024
    /// Most dictionary terms one `prefix*` may expand to, per field.
    public var maxExpansions = 64
    /// Milliseconds a query (SEARCH, COUNT, EXPLAIN, GET) may take before it is answered `ERR TIMEOUT`.
    public var queryBudgetMilliseconds = 2000
    /// Requests read ahead on one connection (pipelined) before the server stops reading from it.
    public var maxPipelined = 128

    /// The defaults, as `config/louped.toml` lists them.
    public init() {}
}
