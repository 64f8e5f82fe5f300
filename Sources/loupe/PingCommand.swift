import ArgumentParser
import Dispatch
import LoupeProtocol

/// `loupe ping`: is the daemon up, and how far away.
struct PingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ping", abstract: "Check that a louped daemon answers, and time one round trip.")

    @OptionGroup var server: ServerOptions

    func run() throws {
        let address = try server.requiredAddress()
        let connection = try ServerOptions.connect(address)
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try ServerOptions.call(connection, .ping)
        let micros = (DispatchTime.now().uptimeNanoseconds - start) / 1000
        let greeting = connection.greeting
        print("PONG from \(address) in \(micros) µs (protocol \(greeting.protocolVersion), louped \(greeting.serverVersion))")
    }
}
