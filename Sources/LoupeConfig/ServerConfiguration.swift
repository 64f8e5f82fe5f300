import LoupeProtocol

/// The schema of `louped.toml` (`config/louped.toml` lists every option with its default):
/// everything the daemon needs to start, after the flags, the environment and the file are
/// merged by ``load(file:environment:flags:)``. The defaults are the initial values below, stated
/// nowhere else in code.
public struct ServerConfiguration: Sendable {
    /// The index directory; created when it does not exist.
    public var indexPath: String
    /// The TCP address to listen on (`127.0.0.1:7700` by default); nil listens on no TCP port.
    public var listen: ServerAddress? = .tcp(host: "127.0.0.1", port: LoupeProtocol.defaultPort)
    /// A Unix socket path to listen on as well (none by default).
    public var unixSocket: String? = nil
    /// When set, every command but PING, HELP, QUIT and AUTH needs `AUTH <token>` first.
    public var token: String? = nil
    /// Folders under which `INDEX` may index, and which are watched when ``watch`` is set;
    /// empty disables `INDEX`.
    public var roots: [String] = []
    /// Follow the roots while serving (inotify): the daemon scans them when it starts, then
    /// re-indexes what changes under them in debounced batches, as `loupe watch` does. No effect
    /// without roots.
    public var watch = true
    /// Threads that run queries off the event loop (0: one per core).
    public var queryThreads = 0
    /// Event-loop threads that read and write sockets and answer cheap queries themselves
    /// (0: one per core).
    public var ioThreads = 0
    /// Limits.
    public var limits = ServerLimits()
    /// Snapshots: following them as a read-only replica, or publishing them as a primary.
    public var replication = ReplicationSettings()
    /// Analyzer, indexing and search settings, shared with the `loupe` tool (`config/loupe.toml`).
    public var engine = LoupeSettings()
    /// The `louped.toml` read, if any.
    public internal(set) var file: String? = nil
    /// Every `louped.toml` option with its value and where the value came from, in file order;
    /// empty when the configuration was not loaded. (The engine's are in ``engine``.)
    public internal(set) var resolved: [ResolvedOption] = []

    /// The defaults (those `config/louped.toml` lists) for the index at `indexPath`.
    public init(indexPath: String) {
        self.indexPath = indexPath
    }
}
