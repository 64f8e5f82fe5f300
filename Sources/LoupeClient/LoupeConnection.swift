import LoupeProtocol

/// One connection to a `louped` daemon: send requests, read replies. It may move between threads,
/// but only one thread uses it at a time.
///
/// ```swift
/// let connection = try LoupeConnection(address: .tcp(host: "127.0.0.1", port: 7700))
/// let reply = try connection.call(.search(SearchRequest(query: "cold war", limit: 5)))
/// ```
///
/// Calls block until the reply arrives or the timeout passes. Requests may also be pipelined:
/// ``send(_:)`` several, then ``readReply()`` as many times.
public final class LoupeConnection: @unchecked Sendable {
    /// The server's greeting.
    public let greeting: Reply.Greeting
    private let socket: LineSocket
    private var decoder = ReplyDecoder()

    /// Connects, reads the greeting and, when `token` is given, authenticates.
    /// - Throws: ``ClientError``: the daemon cannot be reached, the greeting is not the protocol,
    ///   or the token is refused.
    public init(address: ServerAddress, token: String? = nil, timeoutSeconds: Double = 30) throws(ClientError) {
        socket = try LineSocket(connectingTo: address, timeoutSeconds: timeoutSeconds)
        guard let line = try socket.readLine() else { throw .connectionLost("the server closed the connection before greeting") }
        var greetingDecoder = ReplyDecoder()
        let reply: Reply?
        do {
            reply = try greetingDecoder.feed(line)
        } catch {
            throw .protocolViolation("\(address) does not speak the louped protocol: \(error)")
        }
        switch reply {
        case .hello(let greeting): self.greeting = greeting
        case .error(let error): throw .server(error)
        default: throw .protocolViolation("\(address) does not speak the louped protocol (it said: \(line.prefix(80)))")
        }
        if let token { _ = try call(.auth(token: token)) }
    }

    /// Sends `request` and returns its reply; an `ERR` reply is thrown as ``ClientError/server(_:)``.
    public func call(_ request: Request) throws(ClientError) -> Reply {
        try send(request)
        let reply = try readReply()
        if case .error(let error) = reply { throw .server(error) }
        return reply
    }

    /// Sends `request` without waiting for its reply.
    public func send(_ request: Request) throws(ClientError) {
        try socket.write(Array((request.line + "\n").utf8))
    }

    /// Sends raw bytes, as a person typing into `nc` could.
    public func sendRaw(_ bytes: some Collection<UInt8>) throws(ClientError) {
        try socket.write(bytes)
    }

    /// Reads the next reply, `ERR` included.
    public func readReply() throws(ClientError) -> Reply {
        while true {
            guard let line = try socket.readLine() else { throw .connectionLost("the server closed the connection") }
            do {
                if let reply = try decoder.feed(line) { return reply }
            } catch {
                throw .protocolViolation(error.description)
            }
        }
    }

    /// Reads one raw line, or nil when the server has closed the connection.
    public func readLine() throws(ClientError) -> String? {
        try socket.readLine().map(String.init)
    }

    /// Tells the server no more requests follow (half-close); replies can still be read.
    public func finishSending() { socket.shutdownWrite() }
}
