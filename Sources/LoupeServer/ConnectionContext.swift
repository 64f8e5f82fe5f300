import Logging
import LoupeConfig
import LoupeProtocol

/// What every connection of one server shares: configuration, the dispatcher, counters.
struct ConnectionContext: Sendable {
    let dispatcher: Dispatcher
    let limits: ServerLimits
    let token: TokenCheck?
    let statistics: ServerStatistics
    let registry: ConnectionRegistry
    let logger: Logger

    /// The greeting line every connection gets first.
    var greeting: Reply {
        .hello(Reply.Greeting(maxLineBytes: limits.maxLineBytes, authRequired: token != nil, serverVersion: LoupeServer.version))
    }
}

/// Sent down every open connection's pipeline when the server stops: finish what is running,
/// answer what is queued with `ERR SHUTTING_DOWN`, say `BYE` and close.
struct DrainEvent: Sendable {}
