import ArgumentParser
import LoupeProtocol

/// `loupe info`: the daemon's counters (documents, terms, bytes, uptime, connections, latency).
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Show a louped daemon's index and server counters.")

    @OptionGroup var server: ServerOptions

    @Flag(name: .long, help: "Print one JSON object of the counters, as strings.")
    var json = false

    func run() throws {
        let connection = try ServerOptions.connect(try server.requiredAddress())
        guard case .info(let fields) = try ServerOptions.call(connection, .info) else {
            throw CLIError("louped answered INFO with something else")
        }
        if json {
            print(JSONValue.object(fields.map { ($0.name, .string($0.value)) }).text)
        } else {
            let width = fields.map(\.name.count).max() ?? 0
            for field in fields { print(field.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + field.value) }
        }
    }
}
