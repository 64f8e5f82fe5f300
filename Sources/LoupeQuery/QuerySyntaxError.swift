/// Why ``QueryParser/parse(_:)`` rejected a query.
public enum QuerySyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is not valid query syntax. Thrown only in strict mode; `column` is 1-based
    /// and counts characters (extended grapheme clusters) of the input.
    case invalidSyntax(SyntaxProblem, column: Int)
    /// The query holds more terms, prefixes and phrases than
    /// ``QueryParserOptions/maxClauses``. A resource limit, not a syntax error: thrown in
    /// both modes.
    case tooManyClauses(limit: Int)

    /// A one-line explanation for the user, without the column.
    public var message: String {
        switch self {
        case .invalidSyntax(let problem, _):
            return problem.message
        case .tooManyClauses(let limit):
            return "the query has more than \(limit) terms, prefixes and phrases (the limit is maxClauses)"
        }
    }

    /// The 1-based column the error concerns, or `nil` when it concerns the whole query.
    public var column: Int? {
        switch self {
        case .invalidSyntax(_, let column):
            return column
        case .tooManyClauses:
            return nil
        }
    }

    /// The message, preceded by `column N: ` when there is a column.
    public var description: String {
        guard let column else { return message }
        return "column \(column): \(message)"
    }
}
