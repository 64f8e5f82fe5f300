/// A configuration file that cannot be used, with the place and the reason.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let message: String
    public var description: String { "\(file): \(message)" }
}
