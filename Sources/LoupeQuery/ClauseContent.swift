/// The tokens a clause's content can start with, after its prefixes.
enum ClauseContent {
    /// `field:` followed by the content it applies to.
    case field(Field)
    /// A word: a term or a prefix.
    case word(WordToken)
    /// A closed phrase.
    case phrase(words: [String])
    /// `(`, opening a group.
    case group
    /// A filter with its value as typed (``TokenKind/filter(name:value:)``).
    case filter(name: String, value: String)

    /// The content `kind` starts, or `nil` when a clause cannot start with it.
    init?(_ kind: TokenKind) {
        switch kind {
        case .field(let field): self = .field(field)
        case .word(let word): self = .word(word)
        case .phrase(let words): self = .phrase(words: words)
        case .openParenthesis: self = .group
        case .filter(let name, let value): self = .filter(name: name, value: value)
        default: return nil
        }
    }

    /// Whether this is a field, which cannot directly follow another field.
    var isField: Bool {
        if case .field = self { return true }
        return false
    }
}

extension TokenKind {
    /// `+`, `-`, `NOT` or `!`: a prefix that makes the clause after it required or excluded.
    var isPrefix: Bool {
        switch self {
        case .modifier, .not: return true
        default: return false
        }
    }

    /// Whether a clause, with or without prefixes, can start with this token.
    var startsClause: Bool {
        isPrefix || ClauseContent(self) != nil
    }

    /// `^`, `~` or an unterminated `"`: tokens that are stray wherever the grammar meets
    /// them, since a boost or slop right after a clause is read with the clause.
    var isStraySuffix: Bool {
        switch self {
        case .boost, .slop, .unterminatedQuote: return true
        default: return false
        }
    }
}
