import LoupeQuery

/// Parses `text` in lenient mode (the default) with `defaultOperator`.
func lenient(_ text: String, _ defaultOperator: DefaultOperator = .or) throws -> QueryNode {
    try QueryParser(QueryParserOptions(defaultOperator: defaultOperator)).parse(text)
}

/// Parses `text` in strict mode with `defaultOperator`.
func strict(_ text: String, _ defaultOperator: DefaultOperator = .or) throws -> QueryNode {
    try QueryParser(QueryParserOptions(defaultOperator: defaultOperator, strict: true)).parse(text)
}

/// The error strict mode throws for `text`, or `nil` when it parses.
func strictError(_ text: String, _ options: QueryParserOptions = QueryParserOptions(strict: true)) -> QuerySyntaxError? {
    do {
        _ = try QueryParser(options).parse(text)
        return nil
    } catch {
        return error
    }
}

func term(_ text: String, _ field: Field? = nil, boost: Double = 1) -> QueryNode {
    .term(text: text, field: field, boost: boost)
}

func prefix(_ text: String, _ field: Field? = nil, boost: Double = 1) -> QueryNode {
    .prefix(text: text, field: field, boost: boost)
}

func phrase(_ words: String..., slop: Int = 0, field: Field? = nil, boost: Double = 1) -> QueryNode {
    .phrase(words: words, slop: slop, field: field, boost: boost)
}

func boolean(_ clauses: QueryClause..., boost: Double = 1) -> QueryNode {
    .boolean(clauses: clauses, boost: boost)
}

func must(_ node: QueryNode) -> QueryClause { QueryClause(occur: .must, node: node) }
func should(_ node: QueryNode) -> QueryClause { QueryClause(occur: .should, node: node) }
func mustNot(_ node: QueryNode) -> QueryClause { QueryClause(occur: .mustNot, node: node) }

/// `words` as terms joined by `OR`.
func any(_ words: String...) -> QueryNode {
    .boolean(clauses: words.map { should(term($0)) }, boost: 1)
}

/// `words` as terms joined by `AND`.
func all(_ words: String...) -> QueryNode {
    .boolean(clauses: words.map { must(term($0)) }, boost: 1)
}
