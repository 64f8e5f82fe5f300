import LoupeProtocol

/// Why a call to the daemon failed, in one line for a person.
public enum ClientError: Error, Sendable, CustomStringConvertible {
    /// No connection could be made (the daemon is down, or the address is wrong).
    case cannotConnect(address: String, reason: String)
    /// The connection broke or timed out.
    case connectionLost(String)
    /// The server answered with `ERR`.
    case server(ProtocolError)
    /// The server sent something that is not the protocol.
    case protocolViolation(String)

    public var description: String {
        switch self {
        case .cannotConnect(let address, let reason): "cannot reach louped at \(address): \(reason)"
        case .connectionLost(let reason): "lost the connection to louped: \(reason)"
        case .server(let error): "louped: \(error.code == .authFailed || error.code == .authRequired ? "authentication failed: " : "")\(error.description)"
        case .protocolViolation(let reason): reason
        }
    }
}
