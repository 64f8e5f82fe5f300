/// Recursive-descent parser from tokens to a normalized ``QueryNode``, with Lucene's
/// precedence: `NOT` (and the `+`/`-` prefixes) binds tightest, then `AND`, then `OR`.
/// Adjacent clauses join with the default operator, at the level of that operator.
///
/// Every problem goes through ``report(_:at:)``, which throws in strict mode and returns in
/// lenient mode, where the code after it recovers: stray operators and suffixes are dropped
/// and a field with no value is read as text. Lenient tokens have balanced parentheses
/// (see ``ParenthesisBalancer``), so the parenthesis errors are thrown directly.
struct Parser {
    let tokens: [Token]
    let options: QueryParserOptions
    /// The index of the next token to read.
    var index = 0
    /// How many groups enclose the current position.
    var depth = 0
    /// How many terms, prefixes and phrases have been made so far.
    var leafCount = 0

    init(tokens: [Token], options: QueryParserOptions) {
        self.tokens = tokens
        self.options = options
    }

    /// The whole query; `matchNone` when it holds nothing searchable.
    mutating func parseQuery() throws(QuerySyntaxError) -> QueryNode {
        let query = try parseDisjunction(field: nil)
        if let stray = try peek() {
            throw .invalidSyntax(.unexpectedClosingParenthesis, column: stray.column)
        }
        return query?.standaloneNode ?? .matchNone
    }

    /// Operands joined by `OR` (and by adjacency when the default operator is `OR`), up to a
    /// `)` or the end.
    mutating func parseDisjunction(field: Field?) throws(QuerySyntaxError) -> Operand? {
        var operands: [Operand] = []
        var hasLeftOperand = false
        while let token = try peek() {
            switch token.kind {
            case .closeParenthesis:
                return Operand.combine(operands, with: .or)
            case .or where hasLeftOperand && operandFollows(index + 1):
                index += 1
            case .or, .and:
                try report(.missingOperand(token.spelling), at: token.column)
                index += 1
                continue
            default:
                break
            }
            if let operand = try parseConjunction(field: field) { operands.append(operand) }
            hasLeftOperand = true
        }
        return Operand.combine(operands, with: .or)
    }

    /// Operands joined by `AND`, by `NOT` (`a NOT b` is `a AND NOT b`) and by adjacency when
    /// the default operator is `AND`. Called only where a clause starts.
    mutating func parseConjunction(field: Field?) throws(QuerySyntaxError) -> Operand? {
        var operands: [Operand] = []
        if let first = try parseUnary(field: field) { operands.append(first) }
        operators: while let token = try peek() {
            switch token.kind {
            case .and where operandFollows(index + 1):
                index += 1
            case .and:
                try report(.missingOperand(token.spelling), at: token.column)
                index += 1
                continue
            case .not:
                break
            default:
                guard options.defaultOperator == .and, token.kind.startsClause else { break operators }
            }
            if let operand = try parseUnary(field: field) { operands.append(operand) }
        }
        return Operand.combine(operands, with: .and)
    }

    /// A clause with its prefixes (`+`, `-`, `NOT`, `!`); with several, the last one counts.
    /// `nil` when the clause holds nothing searchable or, in lenient mode, is missing.
    mutating func parseUnary(field: Field?) throws(QuerySyntaxError) -> Operand? {
        var modifier: Modifier?
        var modifierToken: Token?
        prefixes: while let token = try peek() {
            let found: Modifier
            switch token.kind {
            case .modifier(let written, let attached):
                index += 1
                guard attached else {
                    try report(.missingOperand(token.spelling), at: token.column)
                    continue
                }
                found = written
            case .not:
                index += 1
                found = .prohibited
            default:
                break prefixes
            }
            if modifierToken != nil {
                try report(.repeatedModifier(token.spelling), at: token.column)
            }
            modifier = found
            modifierToken = token
        }
        guard let next = try peek(), let content = ClauseContent(next.kind) else {
            if let modifierToken {
                try report(.missingOperand(modifierToken.spelling), at: modifierToken.column)
            }
            return nil
        }
        index += 1
        let node = try parseClause(content, startingAt: next, field: field)
        return node.map { Operand(modifier: modifier, node: $0) }
    }

    /// Whether a term, phrase, field or group comes at `start`, past prefixes and stray
    /// suffix tokens: that is, whether an operator there has its right operand.
    func operandFollows(_ start: Int) -> Bool {
        var position = start
        while position < tokens.count {
            let kind = tokens[position].kind
            if ClauseContent(kind) != nil { return true }
            guard kind.isPrefix || kind.isStraySuffix else { return false }
            position += 1
        }
        return false
    }

    /// The next token the grammar acts on, after skipping (and reporting) stray `^`, `~`
    /// and unterminated quotes; `nil` at the end.
    mutating func peek() throws(QuerySyntaxError) -> Token? {
        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .boost:
                try report(.misplacedBoost, at: token.column)
            case .slop:
                try report(.misplacedSlop, at: token.column)
            case .unterminatedQuote:
                try report(.unterminatedQuote, at: token.column)
            default:
                return token
            }
            index += 1
        }
        return nil
    }

    /// Throws `problem` at `column` in strict mode; returns in lenient mode, where the
    /// caller recovers.
    func report(_ problem: SyntaxProblem, at column: Int) throws(QuerySyntaxError) {
        if options.strict {
            throw .invalidSyntax(problem, column: column)
        }
    }
}
