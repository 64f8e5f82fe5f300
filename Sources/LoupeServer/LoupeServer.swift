import Logging
import LoupeAnalysis
import LoupeConfig
import LoupeIndex
import LoupeProtocol
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization

/// The `louped` daemon: serves one index over the line protocol (docs/protocol.md) on TCP and,
/// optionally, a Unix socket.
///
/// Creating it takes an exclusive lock on the index directory (a second daemon on the same index
/// is refused) and opens or creates the index. ``run()`` binds, serves until a graceful shutdown
/// (SIGTERM or SIGINT through a `ServiceGroup`, or ``shutdown()``), then stops accepting, lets
/// every connection finish the request it is running, closes them, commits the changes the
/// watcher has noticed, waits for queued writes to commit, and returns.
///
/// With ``ServerConfiguration/watch`` set and roots configured, the server follows the roots
/// (inotify, as `loupe watch` does): it scans them when it starts, then indexes what changes under
/// them in debounced batches. Those batches and the `INDEX`/`DELETE` commands take turns on one
/// lock, so a single writer changes the index at any moment.
///
/// ```swift
/// let server = try LoupeServer(configuration: config, logger: logger)
/// let group = ServiceGroup(configuration: .init(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
/// try await group.run()
/// ```
public final class LoupeServer: Service, Sendable {
    /// The server's software version, announced in the greeting.
    public static let version = "0.1.0"

    /// What the server was started with.
    public let configuration: ServerConfiguration
    /// The index served now (on a replica, the newest snapshot it has switched to).
    public var index: Index { source.current }
    private let source: IndexSource
    /// Nil on a replica, whose snapshots are never written.
    private let lock: IndexLock?
    private let logger: Logger
    private let group: MultiThreadedEventLoopGroup
    private let dispatcher: Dispatcher
    private let connection: ConnectionContext
    private let listeners = Mutex<[Channel]?>(nil)
    private let watcher: RootWatcher?
    private let follower: SnapshotFollower?
    private let publisher: SnapshotPublisher?

    /// Locks and opens the index and checks the roots; binds and watches nothing yet.
    /// - Throws: ``ServerError`` when another daemon holds the index, it cannot be opened, a root
    ///   does not exist, or the roots are to be watched and cannot be (not folders, two with the
    ///   same name, no inotify).
    ///
    /// With ``ReplicationSettings/follow`` set it is a read-only replica instead: it opens the
    /// newest complete snapshot there (none is an error), takes no lock, watches no roots, and
    /// answers writes `ERR READ_ONLY`. With ``ReplicationSettings/publish`` set, a primary
    /// publishes snapshots into that directory while it serves.
    public init(configuration: ServerConfiguration, logger: Logger) throws(ServerError) {
        self.configuration = configuration
        self.logger = logger
        let replication = configuration.replication
        let writes: WriteExecutor?
        if let follow = replication.follow {
            guard replication.publish == nil else { throw ServerError("--follow and --publish exclude each other: a replica publishes nothing") }
            let follower = try SnapshotFollower(directory: follow, checkEvery: replication.checkEverySeconds, logger: logger)
            self.follower = follower
            source = follower.source
            lock = nil
            watcher = nil
            publisher = nil
            writes = nil
        } else {
            lock = try IndexLock(directory: configuration.indexPath)
            let index: Index
            do {
                index = try Index.openOrCreate(
                    at: configuration.indexPath, analyzer: nil, defaultAnalyzer: .preset(configuration.engine.analyzer))
            } catch {
                throw ServerError("\(error)")
            }
            source = IndexSource(primary: index)
            follower = nil
            let roots = try RootPolicy(roots: configuration.roots)
            let writerLock = WriterLock()
            watcher = configuration.watch && !roots.roots.paths.isEmpty
                ? try RootWatcher(
                    index: index, roots: roots.roots, indexing: configuration.engine.indexing, writerLock: writerLock, logger: logger)
                : nil
            publisher = try replication.publish.map { directory throws(ServerError) in
                try SnapshotPublisher(
                    index: index, directory: directory, every: replication.publishEverySeconds, keep: replication.keep, logger: logger)
            }
            writes = WriteExecutor(index: index, engine: configuration.engine, roots: roots, writerLock: writerLock)
        }
        let statistics = ServerStatistics()
        let threads = configuration.queryThreads > 0 ? configuration.queryThreads : System.coreCount
        dispatcher = Dispatcher(
            source: source,
            queries: QueryExecutor(source: source, engine: configuration.effectiveEngine, limits: configuration.limits),
            writes: writes,
            statistics: statistics, queryThreads: threads, watchedRoots: watcher?.rootCount ?? 0)
        group = MultiThreadedEventLoopGroup(numberOfThreads: configuration.ioThreads > 0 ? configuration.ioThreads : System.coreCount)
        connection = ConnectionContext(
            dispatcher: dispatcher, limits: configuration.limits, token: configuration.token.map(TokenCheck.init),
            statistics: statistics, registry: ConnectionRegistry(), logger: logger)
    }

    /// Binds the configured addresses and starts accepting, then, when the roots are watched,
    /// watches every folder under them (their initial scan goes on in the background); returns
    /// the addresses with the ports actually bound (useful with port 0). Calling it again returns
    /// the same addresses.
    @discardableResult
    public func start() async throws -> [ServerAddress] {
        if let bound = listeners.withLock({ $0 }) { return bound.compactMap(Self.address) }
        dispatcher.start()
        var channels: [Channel] = []
        do {
            if let listen = configuration.listen, case .tcp(let host, let port) = listen {
                channels.append(try await bootstrap(tcp: true).bind(host: host, port: port).get())
                if configuration.token == nil, !Self.isLoopback(host) {
                    logger.warning(
                        "listening beyond loopback without an auth token: anyone who can reach this port can read and change the index",
                        metadata: ["listen": "\(listen)"])
                }
            }
            if let path = configuration.unixSocket {
                channels.append(try await bootstrap(tcp: false).bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true).get())
            }
        } catch {
            for channel in channels { try? await channel.close() }
            throw ServerError("cannot listen: \(error)")
        }
        listeners.withLock { $0 = channels }
        let addresses = channels.compactMap(Self.address)
        for conflict in configuration.conflicts {
            logger.warning("configuration: \(conflict)", metadata: ["setting": "\(conflict.setting)", "limit": "\(conflict.limit)"])
        }
        logger.info(
            "serving", metadata: ["index": "\(index.path)", "listen": "\(addresses.map(\.description).joined(separator: " "))",
                                  "auth": "\(configuration.token == nil ? "none" : "token")"])
        await watcher?.start()
        follower?.start()
        publisher?.start()
        return addresses
    }

    /// Serves until a graceful shutdown or cancellation, then drains and returns.
    public func run() async throws {
        try await start()
        await withTaskCancellationOrGracefulShutdownHandler {
            for channel in self.listeners.withLock({ $0 ?? [] }) { try? await channel.closeFuture.get() }
        } onCancelOrGracefulShutdown: {
            self.shutdown()
        }
        logger.info("stopping: finishing in-flight requests", metadata: ["connections": "\(connection.statistics.openConnections)"])
        await connection.registry.drainAll()
        await watcher?.stop()
        follower?.stop()
        publisher?.stop()
        try await dispatcher.shutdown()
        try await group.shutdownGracefully()
        logger.info("stopped")
    }

    /// Stops accepting connections; ``run()`` then drains the open ones and returns.
    public func shutdown() {
        for channel in listeners.withLock({ $0 ?? [] }) { channel.close(promise: nil) }
    }

    private func bootstrap(tcp: Bool) -> ServerBootstrap {
        let shared = connection
        let limits = configuration.limits
        var bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
        if tcp { bootstrap = bootstrap.childChannelOption(.socketOption(.tcp_nodelay), value: 1) }
        return bootstrap.childChannelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                let id = shared.statistics.nextConnectionId()
                try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: .seconds(Int64(limits.idleTimeoutSeconds))))
                try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineFrameDecoder(maxLineBytes: limits.maxLineBytes)))
                try channel.pipeline.syncOperations.addHandler(ConnectionHandler(shared: shared, id: id))
            }
        }
    }

    private static func address(_ channel: Channel) -> ServerAddress? {
        guard let local = channel.localAddress else { return nil }
        if let path = local.pathname { return .unix(path: path) }
        guard let ip = local.ipAddress, let port = local.port else { return nil }
        return .tcp(host: ip, port: port)
    }

    private static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
