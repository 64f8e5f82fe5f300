import NIOCore
import Synchronization

/// The open connections, so that shutdown can drain each of them and wait until all are closed.
final class ConnectionRegistry: Sendable {
    private let channels = Mutex<[ObjectIdentifier: Channel]>([:])

    func add(_ channel: Channel) {
        channels.withLock { $0[ObjectIdentifier(channel)] = channel }
    }

    func remove(_ channel: Channel) {
        _ = channels.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Asks every open connection to drain, and returns when all of them have closed.
    func drainAll() async {
        let open = channels.withLock { Array($0.values) }
        for channel in open { channel.pipeline.fireUserInboundEventTriggered(DrainEvent()) }
        for channel in open { try? await channel.closeFuture.get() }
    }
}
