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
/// handler stops reading from the socket until the queue drains. Queries run on the query pool under
/// the time budget, writes on the write thread; PING, HELP, QUIT and AUTH are answered on the event loop.
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
        while inFlight == nil, outstanding == nil, !closing, let line = queue.popFirst() {
            handle(line, context)
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
            let deadline = Deadline.after(milliseconds: shared.limits.queryBudgetMilliseconds)
            run(request, context, budgeted: true) { shared.dispatcher.query(request, deadline: deadline, on: context.eventLoop) }
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
    private func run(_ request: Request, _ context: ChannelHandlerContext, budgeted: Bool, _ start: () -> EventLoopFuture<Reply>) {
        nextRequest += 1
        let id = nextRequest
        inFlight = id
        outstanding = id
        let started = DispatchTime.now().uptimeNanoseconds
        let loop = context.eventLoop.assumeIsolated()
        if budgeted {
            let budget = shared.limits.queryBudgetMilliseconds
            budgetTimer = loop.scheduleTask(in: .milliseconds(Int64(budget))) {
                self.logger.warning("query over its time budget", metadata: ["command": "\(request.command.name)", "budget_ms": "\(budget)"])
                self.finish(id, .error(ProtocolError(.timeout, "the query took longer than the \(budget) ms budget")), started, request, context)
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
        let micros = Int((DispatchTime.now().uptimeNanoseconds - started) / 1000)
        if request.command != .info, request.command != .index, request.command != .delete {
            shared.statistics.recordQuery(microseconds: micros)
        }
        if case .error(let error) = reply {
            if error.code == .internalError { logger.error("request failed", metadata: ["command": "\(request.command.name)", "error": "\(error.message)"]) }
            logger.debug("request", metadata: ["command": "\(request.command.name)", "us": "\(micros)", "error": "\(error.code.name)"])
        } else {
            logger.debug("request", metadata: ["command": "\(request.command.name)", "us": "\(micros)"])
        }
        send(reply, context)
        processQueue(context)
    }

    // MARK: - Writing

    private func send(_ reply: Reply, _ context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: 256)
        buffer.writeString(reply.encoded)
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
    }

    /// Writes `reply` (if any) as the last thing on this connection, then closes it.
    private func close(_ context: ChannelHandlerContext, with reply: Reply?) {
        closing = true
        queue.removeAll()
        guard let reply else { return context.close(promise: nil) }
        var buffer = context.channel.allocator.buffer(capacity: 128)
        buffer.writeString(reply.encoded)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(buffer)).assumeIsolated().whenComplete { _ in channel.close(promise: nil) }
    }

    private static func help(_ command: Command?) -> [String] {
        guard let command else {
            return Command.allCases.map(\.usage) + ["HELP <command> tells what a command does and answers; docs/protocol.md has the rest."]
        }
        return [command.usage, command.summary]
    }
}
