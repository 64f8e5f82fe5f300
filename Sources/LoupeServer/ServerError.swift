/// Why the daemon cannot start or keep running, in one line for a person.
public struct ServerError: Error, Sendable, CustomStringConvertible {
    /// The reason, one line.
    public let description: String

    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}
