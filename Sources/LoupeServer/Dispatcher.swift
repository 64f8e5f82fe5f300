import Foundation
import Logging
import LoupeConfig
import LoupeEngine
import LoupeIndex
import LoupeProtocol
import NIOCore
import NIOPosix

/// Runs requests where they belong: queries on the bounded query pool (each on its own snapshot),
/// writes on the single write thread, in arrival order. Shared by every connection.
final class Dispatcher: Sendable {
    let source: IndexSource
    let queries: QueryExecutor
    /// Nil on a read-only replica: writes are answered `ERR READ_ONLY`.
    let writes: WriteExecutor?
    let statistics: ServerStatistics
    /// Roots the watcher follows (0 when not watching), for `INFO`.
    let watchedRoots: Int
    /// Which queries the event loops answer themselves.
    let inline: InlineQueries
    private let queryPool: NIOThreadPool
    private let writePool: NIOThreadPool

    init(source: IndexSource, queries: QueryExecutor, writes: WriteExecutor?, statistics: ServerStatistics, queryThreads: Int, watchedRoots: Int,
         inline: InlineQueries = InlineQueries()) {
        self.source = source
        self.queries = queries
        self.writes = writes
        self.statistics = statistics
        self.watchedRoots = watchedRoots
        self.inline = inline
        queryPool = NIOThreadPool(numberOfThreads: queryThreads)
        writePool = NIOThreadPool(numberOfThreads: 1)
    }

    func start() {
        queryPool.start()
        writePool.start()
    }

    /// Waits for queued work to finish, then stops the threads.
    func shutdown() async throws {
        try await queryPool.shutdownGracefully()
        try await writePool.shutdownGracefully()
    }

    /// The reply to a query command, computed on the query pool; past `deadline` (also while it
    /// waits for a thread) the query stops and its thread is free again.
    func query(_ request: Request, deadline: Deadline, on eventLoop: EventLoop) -> EventLoopFuture<Reply> {
        let queries = self.queries
        let budget = queries.limits.queryBudgetMilliseconds
        return queryPool.runIfActive(eventLoop: eventLoop) { Self.reply(budget: budget) { try queries.execute(request, deadline: deadline) } }
    }

    /// Tries a query command on the calling thread (an event loop) under ``InlineQueries``: the
    /// reply when it finished within the inline slice, else word that it belongs on the pool.
    /// `deadline` is the request's whole budget.
    func queryInline(_ request: Request, deadline: Deadline) -> InlineOutcome {
        let search = queries.engine.search
        guard inline.admits(request, defaultLimit: search.limit, expandsByDefault: search.expansion != nil) else { return .notAdmitted }
        let slice = inline.deadline(within: deadline)
        do {
            return .answered(try queries.execute(request, deadline: slice, onEventLoop: true))
        } catch SearchError.timeout where slice.uptimeNanoseconds < deadline.uptimeNanoseconds {
            return .overran
        } catch is QueryExecutor.BelongsOnPool {
            return .notAdmitted
        } catch SearchError.timeout {
            return .answered(.error(.overBudget(milliseconds: queries.limits.queryBudgetMilliseconds)))
        } catch {
            return .answered(.error(ProtocolError.from(error)))
        }
    }

    /// The reply to a write command, computed on the write thread once earlier writes are done.
    func write(_ request: Request, on eventLoop: EventLoop) -> EventLoopFuture<Reply> {
        guard let writes = self.writes else {
            return eventLoop.makeSucceededFuture(.error(ProtocolError(
                .readOnly, "this server is a read-only replica following snapshots; send \(request.command.name) to the primary")))
        }
        return writePool.runIfActive(eventLoop: eventLoop) { Self.reply { try writes.execute(request) } }
    }

    /// `INFO`: the index's counters from a fresh snapshot and the server's.
    func info(on eventLoop: EventLoop, limits: ServerLimits) -> EventLoopFuture<Reply> {
        let source = self.source, statistics = self.statistics, watchedRoots = self.watchedRoots
        return queryPool.runIfActive(eventLoop: eventLoop) {
            Self.reply {
                let served = source.served
                let index = served.index
                let reader = try index.reader()
                let stats = reader.statistics
                let problems = try reader.problemCount
                let (p50, p99) = statistics.latencyPercentiles()
                let cpu = ProcessCPU.now()
                let fields: [(String, String)] = [
                    ("protocol", String(LoupeProtocol.version)), ("server", LoupeServer.version), ("index", index.path),
                    ("watching", String(watchedRoots)), ("docs", String(stats.liveDocs)), ("deleted_docs", String(stats.deletedDocs)),
                    ("problems", String(problems)), ("terms", String(stats.nextTermId)), ("index_bytes", String(index.usedBytes)), ("uptime_s", String(statistics.uptimeSeconds)),
                    ("connections", String(statistics.openConnections)), ("queries", String(statistics.queriesServed)),
                    ("queries_inline", String(statistics.queriesInline)), ("inline_overruns", String(statistics.inlineOverruns)),
                    ("latency_p50_us", String(p50)), ("latency_p99_us", String(p99)),
                    ("cpu_user_s", String(format: "%.3f", cpu.user)), ("cpu_system_s", String(format: "%.3f", cpu.system)),
                    ("max_line", String(limits.maxLineBytes)), ("max_connections", String(limits.maxConnections)),
                    ("role", source.isReplica ? "replica" : "primary"), ("commit", String(try reader.commit)),
                ]
                    + ReplicaInfo.fields(served)
                return .info(fields.map { Reply.Field($0.0, $0.1) })
            }
        }
    }

    /// `body`'s reply, or its error as the wire's; with `budget`, a query stopped at its deadline is
    /// reported as over that budget.
    private static func reply(budget: Int? = nil, _ body: () throws -> Reply) -> Reply {
        do {
            return try body()
        } catch SearchError.timeout {
            return .error(budget.map { .overBudget(milliseconds: $0) } ?? ProtocolError.from(SearchError.timeout))
        } catch {
            return .error(ProtocolError.from(error))
        }
    }
}
