/// A configuration value that cannot be used: where it came from, the option, and the reason.
///
/// Its description is one line a user can act on, in the form compilers use:
/// `/etc/louped.toml:12: `limits.max_limit` must be an integer in 1...1000000, got "ten"`,
/// `$LOUPED_INDEX_WATCH: `index.watch` must be true or false, got `maybe``,
/// `--threads: `server.threads` must be an integer in 0...256, got 999`.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the value came from: `FILE`, `FILE:LINE`, `$VARIABLE` or `--flag`.
    public let place: String
    /// The option concerned (`section.key`), when the error is about one.
    public let key: String?
    /// What is wrong.
    public let message: String

    public init(place: String, key: String? = nil, message: String) {
        self.place = place
        self.key = key
        self.message = message
    }

    public var description: String {
        if let key { return "\(place): `\(key)` \(message)" }
        return "\(place): \(message)"
    }
}
