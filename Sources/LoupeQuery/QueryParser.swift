/// Reads the Lucene-style query language into a ``QueryNode`` tree.
///
/// The syntax is described for users in `docs/query-syntax.md`. The parser knows nothing of
/// storage or analysis: term text is kept raw for the engine to analyze.
public struct QueryParser: Sendable {
    /// How text is read.
    public var options: QueryParserOptions

    /// A parser reading with `options`.
    public init(_ options: QueryParserOptions = QueryParserOptions()) {
        self.options = options
    }

    /// The query tree of `text`, normalized as described on ``QueryNode``.
    ///
    /// In lenient mode (the default) this never throws ``QuerySyntaxError/invalidSyntax(_:column:)``:
    /// stray syntax is read as text or dropped, and text with no searchable word gives
    /// ``QueryNode/matchNone``. In strict mode the first syntax problem, in reading order, is
    /// thrown with its column. Both modes throw ``QuerySyntaxError/tooManyClauses(limit:)``
    /// when the query holds more terms, prefixes and phrases than `options.maxClauses`.
    public func parse(_ text: String) throws(QuerySyntaxError) -> QueryNode {
        var tokens = Lexer.tokenize(text)
        if !options.strict {
            tokens = ParenthesisBalancer.balance(tokens, maxDepth: options.maxDepth, closingColumn: text.count + 1)
        }
        var parser = Parser(tokens: tokens, options: options)
        return try parser.parseQuery()
    }
}
