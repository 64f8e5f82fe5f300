import ArgumentParser
import Foundation
import LoupeClient
import LoupeProtocol

/// Where the daemon is: `--server HOST:PORT` (or `unix:PATH`), else `$LOUPE_SERVER`; the token,
/// when the daemon wants one, comes from `$LOUPE_TOKEN` (never the command line, where `ps` shows it).
struct ServerOptions: ParsableArguments {
    @Option(name: .long, help: "Ask a louped daemon at HOST:PORT or unix:PATH (default: $LOUPE_SERVER).")
    var server: String?

    /// The daemon's address when one is given by flag or environment.
    func address() throws -> ServerAddress? {
        guard let text = server ?? ProcessInfo.processInfo.environment["LOUPE_SERVER"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            return nil
        }
        do {
            return try ServerAddress(parsing: text)
        } catch {
            throw CLIError("--server: \(error.message)")
        }
    }

    /// The daemon's address; an error when none is given.
    func requiredAddress() throws -> ServerAddress {
        guard let address = try address() else { throw CLIError("no daemon: give --server HOST:PORT or set LOUPE_SERVER") }
        return address
    }

    /// A connection, authenticated with `$LOUPE_TOKEN` when it is set.
    static func connect(_ address: ServerAddress) throws -> LoupeConnection {
        let token = ProcessInfo.processInfo.environment["LOUPE_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        do {
            return try LoupeConnection(address: address, token: token)
        } catch {
            throw CLIError(error)
        }
    }

    /// The reply to `request`, with a one-line error for anything but success.
    static func call(_ connection: LoupeConnection, _ request: Request) throws -> Reply {
        do {
            return try connection.call(request)
        } catch {
            throw CLIError(error)
        }
    }
}

extension CLIError {
    /// The one line for a failed call to the daemon; errors the local command would also give
    /// (query syntax, limits) read as they do locally.
    init(_ error: ClientError) {
        switch error {
        case .server(let error) where error.code == .querySyntax: self.init("syntax error at \(error.message)")
        case .server(let error) where error.code == .limitExceeded || error.code == .badArgument || error.code == .notFound:
            self.init(error.message)
        case .server(let error) where error.code == .authRequired:
            self.init("louped wants a token: set LOUPE_TOKEN")
        default: self.init(error.description)
        }
    }
}
