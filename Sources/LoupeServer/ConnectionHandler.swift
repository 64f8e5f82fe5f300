import Dispatch
import Logging
import LoupeConfig
import LoupeEngine
import LoupeProtocol
import NIOCore

/// One connection: greets, checks auth and limits, and answers requests strictly in the order they
/// arrived, one at a time, so pipelined requests get their replies in order.
///
/// Lines that arrive while a request runs wait in a queue; past ``ServerLimits/maxPipelined`` the
/// handler stops reading from the socket until the queue drains. A query is first tried on the
/// event loop itself within ``InlineQueries/sliceNanoseconds``; one that overruns it, or is not admitted
/// there, runs on the query pool under the time budget (and after an overrun, the connection's
/// next queries go straight to the pool until one finishes within the slice). Writes run on the
/// write thread; PING, HELP, QUIT and AUTH are answered on the event loop. One pass over queued
/// lines answers on the event loop for at most about a slice before letting the loop's other
/// connections have their turn.
final class ConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = InboundLine
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let shared: ConnectionContext
    private var logger: Logger
    private let parser = RequestParser()
    private var queue = CircularBuffer<InboundLine>()
    /// The request whose reply is awaited.
    private var inFlight: UInt64? = nil
    /// The request whose work still runs on a pool; after a timeout it outlives ``inFlight``, and
    /// the next request waits for it, so one connection never holds more than one pool slot.
    private var outstanding: UInt64? = nil
    private var nextRequest: UInt64 = 0
    private var budgetTimer: Scheduled<Void>? = nil
    private var authenticated = false
    private var authFailures = 0
    private var counted = false
    private var draining = false
    private var inputClosed = false
    private var closing = false
    private var readHeld = false
    /// Whether this connection's last query overran the inline slice: its next ones go to the
    /// pool until one takes the engine less than the slice.
    private var overranInline = false

    init(shared: ConnectionContext, id: Int) {
        self.shared = shared
        logger = shared.logger
        logger[metadataKey: "connection"] = "\(id)"
    }

    func channelActive(context: ChannelHandlerContext) {
        if let peer = context.remoteAddress { logger[metadataKey: "peer"] = "\(peer)" }
        let open = shared.statistics.connectionOpened()
        counted = true
        shared.registry.add(context.channel)
        if open > shared.limits.maxConnections {
            logger.warning("connection refused: too many connections", metadata: ["open": "\(open - 1)"])
            close(context, with: .error(ProtocolError(.busy, "too many connections (the maximum is \(shared.limits.maxConnections)); try again later")))
        } else {
            logger.debug("connection opened", metadata: ["open": "\(open)"])
            send(shared.greeting, context)
        }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        if counted { shared.statistics.connectionClosed() }
        counted = false
        budgetTimer?.cancel()
        shared.registry.remove(context.channel)
        logger.debug("connection closed")
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closing else { return }
        queue.append(unwrapInboundIn(data))
        processQueue(context)
    }

    func read(context: ChannelHandlerContext) {
        if queue.count >= shared.limits.maxPipelined || draining {
            readHeld = true
        } else {
            context.read()
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case is DrainEvent:
            draining = true
            processQueue(context)
        case ChannelEvent.inputClosed:
            // The client sent all it will (`nc -N`): answer what is queued, then close.
            inputClosed = true
            processQueue(context)
        case let idle as IdleStateHandler.IdleStateEvent where idle == .read:
            guard inFlight == nil, outstanding == nil, queue.isEmpty, !closing else { return }
            logger.info("closing idle connection")
            close(context, with: .error(ProtocolError(.timeout, "idle for \(shared.limits.idleTimeoutSeconds) s; closing")))
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        logger.debug("connection error", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }

    // MARK: - Requests, one at a time

    private func processQueue(_ context: ChannelHandlerContext) {
        let began = DispatchTime.now().uptimeNanoseconds
        while inFlight == nil, outstanding == nil, !closing, let line = queue.popFirst() {
            handle(line, context)
            if inFlight == nil, !queue.isEmpty, DispatchTime.now().uptimeNanoseconds - began > shared.dispatcher.inline.sliceNanoseconds {
                // Answered inline for a slice already: the loop's other connections go first.
                context.eventLoop.assumeIsolated().execute { self.processQueue(context) }
                return
            }
        }
        if readHeld, !draining, queue.count < shared.limits.maxPipelined {
            readHeld = false
            context.read()
        }
        if draining || inputClosed, inFlight == nil, outstanding == nil, queue.isEmpty, !closing {
            close(context, with: draining ? .bye : nil)
        }
    }

    private func handle(_ line: InboundLine, _ context: ChannelHandlerContext) {
        let bytes: ByteBuffer
        switch line {
        case .tooLong:
            return send(.error(ProtocolError(.lineTooLong, "the line is longer than \(shared.limits.maxLineBytes) bytes; it was discarded")), context)
        case .line(let buffer):
            bytes = buffer
        }
        guard let text = String(validating: bytes.readableBytesView, as: UTF8.self) else {
            return send(.error(ProtocolError(.badEncoding, "the line is not valid UTF-8")), context)
        }
        if draining { return send(.error(ProtocolError(.shuttingDown, "the server is stopping")), context) }
        let request: Request
        do {
            request = try parser.parse(text[...])
        } catch {
            return send(.error(error), context)
        }
        if shared.token != nil, !authenticated, !request.command.isOpen {
            return send(.error(ProtocolError(.authRequired, "send AUTH <token> first")), context)
        }
        switch request {
        case .ping: send(.pong, context)
        case .help(let command): send(.help(Self.help(command)), context)
        case .quit: close(context, with: .bye)
        case .auth(let token): authenticate(token, context)
        case .search, .count, .suggest, .explain, .get:
            // The engine stops at the same instant the budget timer answers `ERR TIMEOUT`.
            let started = DispatchTime.now().uptimeNanoseconds
            let deadline = Deadline(uptimeNanoseconds: started &+ UInt64(shared.limits.queryBudgetMilliseconds) &* 1_000_000)
            if !overranInline {
                switch shared.dispatcher.queryInline(request, deadline: deadline) {
                case .answered(let reply):
                    shared.statistics.recordInline()
                    record(reply, started, request)
                    return send(reply, context)
                case .overran:
                    shared.statistics.recordOverrun()
                    overranInline = true
                case .notAdmitted: break
                }
            }
            run(request, context, budgeted: true, started: started) {
                shared.dispatcher.query(request, deadline: deadline, on: context.eventLoop)
            }
        case .info:
            run(request, context, budgeted: false) { shared.dispatcher.info(on: context.eventLoop, limits: shared.limits) }
        case .index, .delete:
            run(request, context, budgeted: false) { shared.dispatcher.write(request, on: context.eventLoop) }
        }
    }

    private func authenticate(_ token: String, _ context: ChannelHandlerContext) {
        guard let check = shared.token else { return send(.ok([Reply.Field("auth", "none")]), context) }
        if check.accepts(token) {
            authenticated = true
            send(.ok([]), context)
            return
        }
        authFailures += 1
        logger.warning("authentication failed", metadata: ["failures": "\(authFailures)"])
        let error = ProtocolError(.authFailed, "wrong token")
        if authFailures >= 3 { close(context, with: .error(error)) } else { send(.error(error), context) }
    }

    /// Starts `request` elsewhere; its reply (or `ERR TIMEOUT` when the budget runs out first) is
    /// written when it comes back, and the next queued line is taken only then.
    /// `started` is when the request was taken up (its latency counts from there).
    private func run(
        _ request: Request, _ context: ChannelHandlerContext, budgeted: Bool, started: UInt64 = DispatchTime.now().uptimeNanoseconds,
        _ start: () -> EventLoopFuture<Reply>
    ) {
        nextRequest += 1
        let id = nextRequest
        inFlight = id
        outstanding = id
        let loop = context.eventLoop.assumeIsolated()
        if budgeted {
            let budget = shared.limits.queryBudgetMilliseconds
            budgetTimer = loop.scheduleTask(in: .milliseconds(Int64(budget))) {
                self.logger.warning("query over its time budget", metadata: ["command": "\(request.command.name)", "budget_ms": "\(budget)"])
                self.finish(id, .error(.overBudget(milliseconds: budget)), started, request, context)
            }
        }
        start().assumeIsolated().whenComplete { result in
            self.outstanding = nil
            switch result {
            case .success(let reply): self.finish(id, reply, started, request, context)
            case .failure(let error): self.finish(id, .error(ProtocolError.from(error)), started, request, context)
            }
        }
    }

    private func finish(_ id: UInt64, _ reply: Reply, _ started: UInt64, _ request: Request, _ context: ChannelHandlerContext) {
        guard inFlight == id else {
            // The late result of a request already answered `ERR TIMEOUT`: drop it, go on.
            return processQueue(context)
        }
        inFlight = nil
        budgetTimer?.cancel()
        budgetTimer = nil
        let elapsed = record(reply, started, request)
        if overranInline, Self.isQuery(request), Self.engineNanoseconds(reply) ?? elapsed < shared.dispatcher.inline.sliceNanoseconds {
            overranInline = false
        }
        send(reply, context)
        processQueue(context)
    }

    /// Counts and logs the answer to `request`, taken up at `started`; returns the nanoseconds since.
    @discardableResult
    private func record(_ reply: Reply, _ started: UInt64, _ request: Request) -> UInt64 {
        let elapsed = DispatchTime.now().uptimeNanoseconds - started
        let micros = Int(elapsed / 1000)
        if Self.isQuery(request) { shared.statistics.recordQuery(microseconds: micros) }
        if case .error(let error) = reply {
            if error.code == .internalError { logger.error("request failed", metadata: ["command": "\(request.command.name)", "error": "\(error.message)"]) }
            logger.debug("request", metadata: ["command": "\(request.command.name)", "us": "\(micros)", "error": "\(error.code.name)"])
        } else {
            logger.debug("request", metadata: ["command": "\(request.command.name)", "us": "\(micros)"])
        }
        return elapsed
    }

    // MARK: - Writing

    private func send(_ reply: Reply, _ context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: 256)
        reply.encode(into: &buffer)
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
    }

    /// Writes `reply` (if any) as the last thing on this connection, then closes it.
    private func close(_ context: ChannelHandlerContext, with reply: Reply?) {
        closing = true
        queue.removeAll()
        guard let reply else { return context.close(promise: nil) }
        var buffer = context.channel.allocator.buffer(capacity: 128)
        reply.encode(into: &buffer)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(buffer)).assumeIsolated().whenComplete { _ in channel.close(promise: nil) }
    }

    /// The engine's own time for a reply that reports it (`took_us`), without the hand-offs.
    private static func engineNanoseconds(_ reply: Reply) -> UInt64? {
        switch reply {
        case .results(let results): UInt64(max(results.tookMicroseconds, 0)) * 1000
        case .count(_, let took): UInt64(max(took, 0)) * 1000
        default: nil
        }
    }

    /// Whether `request` is one of the queries whose latency `INFO` reports.
    private static func isQuery(_ request: Request) -> Bool {
        switch request {
        case .search, .count, .explain, .get: true
        default: false
        }
    }

    private static func help(_ command: Command?) -> [String] {
        guard let command else {
            return Command.allCases.map(\.usage) + ["HELP <command> tells what a command does and answers; docs/protocol.md has the rest."]
        }
        return [command.usage, command.summary]
    }
}
