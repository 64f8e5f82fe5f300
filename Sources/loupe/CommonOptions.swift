import ArgumentParser
import Foundation
import LoupeConfig
import LoupeIndex

/// Options every command that opens an index shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "The index directory (default: $LOUPE_INDEX, else index.path of the config, else ./.loupe).")
    var index: String?

    @Option(name: .long, help: "A configuration file (default: $LOUPE_CONFIG, else ~/.config/loupe/loupe.toml if present).")
    var config: String?

    /// The settings from the configuration file, or the defaults.
    func settings() throws -> LoupeSettings {
        do {
            return try LoupeSettings.load(explicitPath: config)
        } catch {
            throw CLIError("configuration: \(error)")
        }
    }

    /// Where the index lives.
    func indexPath(_ settings: LoupeSettings) -> String {
        if let index { return index }
        if let env = ProcessInfo.processInfo.environment["LOUPE_INDEX"], !env.isEmpty { return env }
        return settings.indexPath
    }

    /// Opens the existing index, with a clear error when there is none.
    func openIndex(_ settings: LoupeSettings) throws -> Index {
        do {
            return try Index.open(at: indexPath(settings))
        } catch {
            throw CLIError("\(error)")
        }
    }
}

/// A one-line error for the user; the tool prints it and exits non-zero.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
