/// Where an option's value came from, in the order of precedence: a flag beats the environment,
/// which beats the file, which beats the default.
public enum ConfigOrigin: Sendable, Equatable, CustomStringConvertible {
    /// A command-line flag (`--threads`).
    case flag(String)
    /// An environment variable (`LOUPED_LIMITS_MAX_LIMIT`).
    case environment(String)
    /// A configuration file: `FILE:LINE`, or `FILE` when the line is unknown.
    case file(String)
    /// Nothing set it.
    case defaultValue

    public var description: String {
        switch self {
        case .flag(let name): return name
        case .environment(let name): return "$" + name
        case .file(let place): return place
        case .defaultValue: return "default"
        }
    }
}

/// One option as it was resolved: its key, its value written as TOML, and where that came from.
public struct ResolvedOption: Sendable, Equatable {
    /// `section.key`.
    public let key: String
    /// The value as TOML writes it (`1000`, `"127.0.0.1:7700"`, `true`).
    public let value: String
    /// Where the value came from.
    public let origin: ConfigOrigin
}

/// A command-line flag that sets an option of a configuration file (`--threads 4` sets
/// `server.threads`). Its values are text, read as the environment's are; a list option takes
/// every value, any other the last.
public struct ConfigFlag: Sendable, Equatable {
    /// The flag as the user wrote it, for errors (`--threads`).
    public let name: String
    /// Its values, in command-line order.
    public let values: [String]

    public init(_ name: String, _ values: [String]) {
        self.name = name
        self.values = values
    }

    public init(_ name: String, _ value: String) {
        self.init(name, [value])
    }
}
