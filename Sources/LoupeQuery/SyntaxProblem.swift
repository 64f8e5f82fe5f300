/// What is wrong with query text that strict mode rejects.
///
/// Each problem is reported with the column of the character it concerns; the cases below
/// say which one.
public enum SyntaxProblem: Sendable, Hashable {
    /// A `"` opens a phrase that is never closed (column of the `"`).
    case unterminatedQuote
    /// A `(` is never closed (column of the innermost `(` left open).
    case unclosedParenthesis
    /// A `)` has no matching `(` (column of the `)`).
    case unexpectedClosingParenthesis
    /// Parentheses nest deeper than ``QueryParserOptions/maxDepth`` (column of the first `(`
    /// past the limit).
    case nestingTooDeep(limit: Int)
    /// `()` holds nothing (column of the `(`).
    case emptyGroup
    /// `""` holds no word (column of the opening `"`).
    case emptyPhrase
    /// An operator (`AND`, `OR`, `NOT`, `&&`, `||`, `!`, `+`, `-`) lacks the clause it
    /// applies to; `+` and `-` need it directly after them, with no space (column of the
    /// operator, spelled as typed).
    case missingOperand(String)
    /// A clause has more than one of `+`, `-`, `NOT`, `!` (column of the second one, spelled
    /// as typed).
    case repeatedModifier(String)
    /// `field:` is not followed by a term, phrase or group (column of the field name).
    case missingFieldValue(Field)
    /// A word has a `:` after something that is not a known field (column of the word; the
    /// name is what precedes the `:`, possibly empty).
    case unknownField(String)
    /// A `*` that is not a single trailing star after at least one character (column of the
    /// offending `*`).
    case invalidWildcard
    /// A boost that is not a positive decimal number such as `2` or `1.5` (column of the `^`;
    /// the number as typed, possibly empty).
    case invalidBoost(String)
    /// A slop that is not a non-negative integer (column of the `~`; the number as typed,
    /// possibly empty).
    case invalidSlop(String)
    /// A fuzzy distance other than 0, 1 or 2 after a word (column of the `~`; the number as
    /// typed).
    case invalidEditDistance(String)
    /// A `^` that does not follow a term, phrase or group, or a second boost on one
    /// (column of the `^`).
    case misplacedBoost
    /// A `~` that does not follow a phrase or a word, or a second one (column of the `~`).
    case misplacedSlop
    /// A `\` at the very end of the input, with nothing to escape (column of the `\`).
    case danglingEscape
    /// A filter (`type:`, `ext:`, `modified:`, `size:`) whose value is not valid (column of the
    /// filter's name; `reason` says what is expected).
    case invalidFilter(name: String, value: String, reason: String)

    /// A one-line explanation of the problem for the user.
    public var message: String {
        switch self {
        case .unterminatedQuote:
            return "unbalanced quote: this '\"' is never closed"
        case .unclosedParenthesis:
            return "unbalanced parenthesis: this '(' is never closed"
        case .unexpectedClosingParenthesis:
            return "unbalanced parenthesis: this ')' has no matching '('"
        case .nestingTooDeep(let limit):
            return "parentheses nest deeper than \(limit) levels"
        case .emptyGroup:
            return "empty group: '()' holds no clause"
        case .emptyPhrase:
            return "empty phrase: '\"\"' holds no word"
        case .missingOperand(let spelling) where spelling == "+" || spelling == "-":
            return "'\(spelling)' must be followed directly (without a space) by a term, phrase or group"
        case .missingOperand(let spelling):
            return "'\(spelling)' is missing an operand"
        case .repeatedModifier(let spelling):
            return "'\(spelling)' follows another '+', '-' or 'NOT' on the same clause"
        case .missingFieldValue(let field):
            return "'\(field.rawValue):' must be followed by a term, phrase or group"
        case .unknownField(let name) where name.isEmpty:
            return "':' must follow a field name (\(Self.fieldList)); write '\\:' for a literal colon"
        case .unknownField(let name):
            return "unknown field '\(name)' (known: \(Self.fieldList)); write '\\:' for a literal colon"
        case .invalidWildcard:
            return "'*' is allowed only once, at the end of a word; write '\\*' for a literal star"
        case .invalidBoost(let number):
            return "boost '^\(number)' is not a positive decimal number such as 2 or 1.5"
        case .invalidSlop(let number):
            return "slop '~\(number)' is not a non-negative integer"
        case .invalidEditDistance(let number):
            return "fuzzy distance '~\(number)' must be 0, 1 or 2 (or '~' alone to let the word's length decide)"
        case .misplacedBoost:
            return "'^' must follow a term, phrase or group, at most once"
        case .misplacedSlop:
            return "'~' must follow a phrase or a word, at most once"
        case .danglingEscape:
            return "'\\' at the end of the query escapes nothing"
        case .invalidFilter(let name, let value, let reason):
            return "invalid filter '\(name):\(value)': \(reason)"
        }
    }

    private static let fieldList =
        Field.allCases.map(\.rawValue).joined(separator: ", ") + "; filters: " + Filter.names.joined(separator: ", ")
}
