import Glibc
import LoupeProtocol

/// A blocking stream socket that writes bytes and reads lines, with send and receive timeouts.
final class LineSocket {
    private let fd: Int32
    /// Bytes read and not yet returned start at `start`.
    private var buffer: [UInt8] = []
    private var start = 0
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    /// Connects to `address`.
    /// - Throws: ``ClientError/cannotConnect(address:reason:)``.
    init(connectingTo address: ServerAddress, timeoutSeconds: Double) throws(ClientError) {
        switch address {
        case .tcp(let host, let port): fd = try Self.connectTCP(host: host, port: port, address: address)
        case .unix(let path): fd = try Self.connectUnix(path: path, address: address)
        }
        var timeout = timeval(tv_sec: Int(timeoutSeconds), tv_usec: Int((timeoutSeconds - timeoutSeconds.rounded(.down)) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        buffer.reserveCapacity(1 << 17)
    }

    deinit { Glibc.close(fd) }

    /// Writes all of `bytes`.
    func write(_ bytes: some Collection<UInt8>) throws(ClientError) {
        let array = Array(bytes)
        var sent = 0
        while sent < array.count {
            let n = array.withUnsafeBytes { send(fd, $0.baseAddress! + sent, array.count - sent, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else {
                if n < 0, errno == EINTR { continue }
                throw .connectionLost(n == 0 ? "closed" : Self.errorText(errno))
            }
            sent += n
        }
    }

    /// The next line without its `\n` (and a `\r` before it), or nil at end of stream.
    func readLine() throws(ClientError) -> Substring? {
        while true {
            if let newline = buffer.withUnsafeBufferPointer({ bytes -> Int? in
                guard start < bytes.count, let base = bytes.baseAddress,
                    let hit = memchr(base + start, 0x0A, bytes.count - start)
                else { return nil }
                return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }) {
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = newline + 1
                return line[...]
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                buffer.append(contentsOf: chunk[0..<n])
            } else if n == 0 {
                return nil
            } else if errno != EINTR {
                throw .connectionLost(errno == EAGAIN || errno == EWOULDBLOCK ? "no reply in time" : Self.errorText(errno))
            }
        }
    }

    /// Half-closes the writing side, so the server sees end of stream.
    func shutdownWrite() { Glibc.shutdown(fd, Int32(SHUT_WR)) }

    private static func connectTCP(host: String, port: Int, address: ServerAddress) throws(ClientError) -> Int32 {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_family = AF_UNSPEC
        var list: UnsafeMutablePointer<addrinfo>? = nil
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw .cannotConnect(address: address.description, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        var reason = "no address"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd >= 0 {
                if connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                    var one: Int32 = 1
                    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
                    return fd
                }
                reason = errorText(errno)
                Glibc.close(fd)
            }
            entry = info.pointee.ai_next
        }
        throw .cannotConnect(address: address.description, reason: reason)
    }

    private static func connectUnix(path: String, address: ServerAddress) throws(ClientError) -> Int32 {
        var socketAddress = sockaddr_un()
        socketAddress.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: socketAddress.sun_path)
        guard bytes.count < capacity else { throw .cannotConnect(address: address.description, reason: "socket path too long") }
        withUnsafeMutableBytes(of: &socketAddress.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw .cannotConnect(address: address.description, reason: errorText(errno)) }
        let result = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard result == 0 else {
            let reason = errorText(errno)
            Glibc.close(fd)
            throw .cannotConnect(address: address.description, reason: reason)
        }
        return fd
    }

    private static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }
}
