import ArgumentParser
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

    /// Where the index lives: `--index`, else `index.path` of the settings (which `$LOUPE_INDEX`
    /// sets over the file).
    func indexPath(_ settings: LoupeSettings) -> String {
        index ?? settings.indexPath
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
