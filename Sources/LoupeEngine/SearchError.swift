/// Errors a search reports to its caller, each with a message fit for a user.
public enum SearchError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The query text is not valid in strict mode.
    case syntax(message: String, column: Int)
    /// The query exceeds a configured limit (clauses, prefix expansions).
    case limitExceeded(String)
    /// An option is out of range.
    case invalidOption(String)
    /// The document asked for does not exist.
    case unknownDocument(String)
    /// The query ran past its deadline (``SearchOptions/deadline``) and was stopped.
    case timeout

    public var description: String {
        switch self {
        case .syntax(let message, let column): "syntax error at column \(column): \(message)"
        case .limitExceeded(let message): message
        case .invalidOption(let message): message
        case .unknownDocument(let id): "no document with id \(id)"
        case .timeout: "the query ran past its time budget and was stopped"
        }
    }
}
