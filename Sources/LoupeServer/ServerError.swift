/// Why the daemon cannot start or keep running, in one line for a person.
public struct ServerError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
