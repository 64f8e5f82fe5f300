/// Where a server listens or a client connects: `HOST:PORT`, `[IPv6]:PORT`, or `unix:PATH`.
public enum ServerAddress: Sendable, Equatable, CustomStringConvertible {
    case tcp(host: String, port: Int)
    case unix(path: String)

    /// Parses `text`; a missing port means ``LoupeProtocol/defaultPort``.
    /// - Throws: ``ProtocolError`` with `BAD_ARGUMENT` when the text is not an address.
    public init(parsing text: String) throws(ProtocolError) {
        if text.hasPrefix("unix:") {
            let path = String(text.dropFirst(5))
            guard !path.isEmpty else { throw ProtocolError(.badArgument, "unix: needs a socket path") }
            self = .unix(path: path)
            return
        }
        var host = Substring(text)
        var port = LoupeProtocol.defaultPort
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { throw ProtocolError(.badArgument, "'\(text)' has no closing ]") }
            let after = host[host.index(after: close)...]
            host = host[host.index(after: host.startIndex)..<close]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let p = Int(after.dropFirst()) else { throw ProtocolError(.badArgument, "'\(text)' is not [HOST]:PORT") }
                port = p
            }
        } else if let colon = host.lastIndex(of: ":") {
            guard let p = Int(host[host.index(after: colon)...]) else { throw ProtocolError(.badArgument, "'\(text)' is not HOST:PORT") }
            port = p
            host = host[..<colon]
        }
        guard !host.isEmpty else { throw ProtocolError(.badArgument, "'\(text)' has no host") }
        guard (0...65535).contains(port) else { throw ProtocolError(.badArgument, "port \(port) is not in 0...65535") }
        self = .tcp(host: String(host), port: port)
    }

    public var description: String {
        switch self {
        case .tcp(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        case .unix(let path): "unix:\(path)"
        }
    }
}
