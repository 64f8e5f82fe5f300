import Foundation
import Logging
import LoupeClient
import LoupeConfig
import LoupeProtocol
import LoupeServer
import LoupeTestSupport

/// A real `LoupeServer` on 127.0.0.1 with an ephemeral port, over an index of a temporary folder
/// of documents, which is the one configured root. The root is not watched unless `watch` is
/// true, so the counts `INDEX` replies are the tests' own.
final class TestServer: @unchecked Sendable {
    let directory: TemporaryDirectory
    let server: LoupeServer
    let address: ServerAddress
    private let task: Task<Void, Error>

    /// The documents' folder (the root INDEX may index).
    var root: String { directory.path + "/docs" }

    /// Starts a server; `documents` (relative path → text) are written under the root first and
    /// indexed through `INDEX` when `index` is true. With `watch`, the server follows its roots.
    /// `prepareIndex` may build an index at the path it is given before the server opens it.
    init(
        documents: [String: String] = TestServer.corpus, index: Bool = true, token: String? = nil,
        roots: [String]? = nil, watch: Bool = false, configure: (inout ServerConfiguration) -> Void = { _ in },
        prepareIndex: (String) throws -> Void = { _ in }
    ) async throws {
        directory = TemporaryDirectory("server")
        try prepareIndex(directory.path + "/index")
        for (path, text) in documents { try directory.write("docs/" + path, text) }
        try FileManager.default.createDirectory(atPath: directory.path + "/docs", withIntermediateDirectories: true)
        var configuration = ServerConfiguration(indexPath: directory.path + "/index")
        configuration.listen = .tcp(host: "127.0.0.1", port: 0)
        configuration.roots = roots ?? [directory.path + "/docs"]
        configuration.token = token
        configuration.watch = watch
        configuration.queryThreads = 2
        configure(&configuration)
        var logger = Logger(label: "louped-test")
        logger.logLevel = .critical
        server = try LoupeServer(configuration: configuration, logger: logger)
        address = try requireFirst(try await server.start())
        let server = self.server
        task = Task { try await server.run() }
        if index {
            let root = self.root
            let address = self.address
            try await blocking {
                let connection = try LoupeConnection(address: address, token: token)
                _ = try connection.call(.index(path: root))
            }
        }
    }

    /// A new connection (made on the calling thread).
    func connect(token: String? = nil) throws -> LoupeConnection {
        try LoupeConnection(address: address, token: token, timeoutSeconds: 60)
    }

    /// Stops the server gracefully and waits until it has drained.
    func stop() async throws {
        server.shutdown()
        try await task.value
    }

    /// A small corpus: ids are the file names.
    static let corpus: [String: String] = [
        "cold.txt": "Cold war\nThe cold war shaped the second half of the century.",
        "peace.md": "# War and peace\nA long novel about war, peace and Moscow.",
        "notes/tab file.txt": "Tabs\tand spaces in a file name\nwar games",
        "unrelated.txt": "Gardening\nTomatoes need sun and water.",
    ]
}

/// The first element, or a thrown error.
func requireFirst<T>(_ values: [T]) throws -> T {
    guard let first = values.first else { throw ServerError("the server bound no address") }
    return first
}

/// Runs blocking client code on its own thread, so the test never blocks Swift's cooperative pool.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try body() })
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
}
