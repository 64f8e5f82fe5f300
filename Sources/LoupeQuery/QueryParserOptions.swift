/// How ``QueryParser`` reads query text.
public struct QueryParserOptions: Sendable, Equatable {
    /// The operator between adjacent clauses that have no `AND` or `OR` between them.
    public var defaultOperator: DefaultOperator
    /// When `true`, malformed syntax is an error (``QuerySyntaxError/invalidSyntax(_:column:)``).
    /// When `false` (lenient, for end users) parsing never fails on syntax: stray syntax is
    /// read as text or dropped.
    public var strict: Bool
    /// The largest number of terms, prefixes and phrases a query may hold. More is
    /// ``QuerySyntaxError/tooManyClauses(limit:)`` in both modes.
    public var maxClauses: Int
    /// The deepest nesting of parentheses allowed. Deeper parentheses are an error in strict
    /// mode and are ignored (their contents kept) in lenient mode. This bounds the depth of
    /// the tree and of the recursion that builds and walks it.
    public var maxDepth: Int

    /// Options with the given values; the defaults are the ones end users get.
    public init(
        defaultOperator: DefaultOperator = .or,
        strict: Bool = false,
        maxClauses: Int = 1024,
        maxDepth: Int = 32
    ) {
        self.defaultOperator = defaultOperator
        self.strict = strict
        self.maxClauses = maxClauses
        self.maxDepth = maxDepth
    }
}
