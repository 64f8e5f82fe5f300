import Glibc
import LoupeProtocol

/// A client that survives a dropped connection, as behind a balancer in front of replicas
/// (docs/scale-out.md): when the connection breaks or cannot be made, it connects again (the
/// balancer picks a live server) and sends the request again, but only an idempotent one
/// (``Command/isIdempotent``: SEARCH, COUNT, EXPLAIN, GET, INFO, PING, HELP). A write that was
/// cut off is reported as ``ClientError/connectionLost(_:)``: it may or may not have committed.
///
/// `ERR` replies are not retried, but for `ERR SHUTTING_DOWN` (the server is going away, another
/// may answer): they are the server's answer.
/// Like ``LoupeConnection``, one thread uses it at a time.
public final class RetryingConnection: @unchecked Sendable {
    /// Where it connects.
    public let address: ServerAddress
    /// Attempts per request after the first, each on a new connection.
    public let retries: Int
    private let token: String?
    private let timeoutSeconds: Double
    private var connection: LoupeConnection?
    /// How many times a request was sent again on a new connection.
    public private(set) var retried = 0

    /// Connects lazily on the first call.
    /// - Parameters:
    ///   - retries: new connections tried per request after a drop (3 by default), waiting 50 ms,
    ///     then 100 ms, 200 ms, ... before each.
    public init(address: ServerAddress, token: String? = nil, timeoutSeconds: Double = 30, retries: Int = 3) {
        self.address = address
        self.token = token
        self.timeoutSeconds = timeoutSeconds
        self.retries = retries
    }

    /// Sends `request` and returns its reply (an `ERR` reply is thrown as ``ClientError/server(_:)``),
    /// reconnecting and sending it again after a drop when it is idempotent.
    public func call(_ request: Request) throws(ClientError) -> Reply {
        var attempt = 0
        while true {
            do throws(ClientError) {
                let live = try connected()
                let reply = try live.call(request)
                // A server stopping says BYE in place of the reply and closes.
                if case .bye = reply, request.command != .quit { throw ClientError.connectionLost("the server said BYE") }
                return reply
            } catch {
                guard Self.isDrop(error) else { throw error }
                connection = nil
                guard request.command.isIdempotent, attempt < retries else { throw error }
                usleep(UInt32(50_000 << min(attempt, 6)))
                attempt += 1
                retried += 1
            }
        }
    }

    /// Whether `error` means the connection is gone (or going), rather than an answer.
    static func isDrop(_ error: ClientError) -> Bool {
        switch error {
        case .connectionLost, .cannotConnect: true
        case .server(let error): error.code == .shuttingDown
        case .protocolViolation: false
        }
    }

    /// Closes the current connection; the next call makes a new one.
    public func disconnect() { connection = nil }

    private func connected() throws(ClientError) -> LoupeConnection {
        if let connection { return connection }
        let made = try LoupeConnection(address: address, token: token, timeoutSeconds: timeoutSeconds)
        connection = made
        return made
    }
}
