/// A piece of query text as the lexer reads it, with where it starts.
struct Token: Equatable {
    /// What the piece is.
    var kind: TokenKind
    /// The 1-based column (in characters) where the piece starts.
    var column: Int
    /// The piece exactly as typed, for messages and for reading a stray field as text.
    var spelling: String
}

/// The kinds of pieces query text is made of.
enum TokenKind: Equatable {
    /// A word: text up to whitespace or a syntax character.
    case word(WordToken)
    /// A closed `"…"`, as its whitespace-separated words (escapes removed; possibly none).
    case phrase(words: [String])
    /// A known field name followed by `:` (the `:` is part of the token).
    case field(Field)
    /// A filter name, its `:` and its value (``Filter/names``): the value runs to the next
    /// separator or `( ) " ^ ~`, or for a range from `[` or `{` to the next `]` or `}`.
    case filter(name: String, value: String)
    /// `AND` or `&&`.
    case and
    /// `OR` or `||`.
    case or
    /// `NOT` or `!`.
    case not
    /// `+` or `-` at the start of a token; `attached` when a non-space character follows it.
    case modifier(Modifier, attached: Bool)
    /// `(`.
    case openParenthesis
    /// `)`.
    case closeParenthesis
    /// `^` and the digits and dots right after it (possibly none).
    case boost(number: String)
    /// `~` and the digits and dots right after it (possibly none).
    case slop(number: String)
    /// A `"` with no closing `"`; the text after it is read as ordinary tokens.
    case unterminatedQuote
}

/// A word token's content.
struct WordToken: Equatable {
    /// The text with escapes removed, and without the trailing `*` when `isPrefix`.
    var text: String
    /// `true` when the word ended with a single unescaped `*` after other characters.
    var isPrefix: Bool
    /// The leftmost problem strict mode reports for this word (unknown field, bad `*`,
    /// dangling `\`); lenient mode reads the word as text regardless.
    var problem: LocatedProblem?
}

/// A syntax problem and the 1-based column it concerns.
struct LocatedProblem: Equatable {
    var problem: SyntaxProblem
    var column: Int
}

/// The prefix that makes a clause required or excluded.
enum Modifier: Equatable {
    /// `+`: the clause must match.
    case required
    /// `-`, `NOT`, `!`: the clause must not match.
    case prohibited
}
