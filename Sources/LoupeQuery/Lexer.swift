/// Splits query text into tokens. Never fails: problems that strict mode reports are
/// carried by the tokens (``TokenKind/unterminatedQuote``, ``WordToken/problem``).
///
/// The lexer works on characters (extended grapheme clusters): columns are 1-based indices
/// into them, and a combining mark written right after a syntax character makes it an
/// ordinary character. Words end at ``WordSeparators`` and at `( ) " ^ ~`.
struct Lexer {
    /// Characters that end a word, besides separators.
    private static let wordTerminators: Set<Character> = ["(", ")", "\"", "^", "~"]

    private let characters: [Character]
    private var position = 0
    private var tokens: [Token] = []

    private init(_ text: String) {
        characters = Array(text)
    }

    /// The tokens of `text`, in order.
    static func tokenize(_ text: String) -> [Token] {
        var lexer = Lexer(text)
        lexer.run()
        return lexer.tokens
    }

    private mutating func run() {
        while position < characters.count {
            let character = characters[position]
            if WordSeparators.isSeparator(character) {
                position += 1
                continue
            }
            switch character {
            case "(":
                emitSingle(.openParenthesis)
            case ")":
                emitSingle(.closeParenthesis)
            case "!":
                emitSingle(.not)
            case "+", "-":
                let next = position + 1
                let attached = next < characters.count && !WordSeparators.isSeparator(characters[next])
                emitSingle(.modifier(character == "+" ? .required : .prohibited, attached: attached))
            case "^", "~":
                lexNumberSuffix()
            case "\"":
                lexPhrase()
            default:
                lexWord()
            }
        }
    }

    private mutating func emitSingle(_ kind: TokenKind) {
        emit(kind, from: position, to: position + 1)
        position += 1
    }

    private mutating func emit(_ kind: TokenKind, from start: Int, to end: Int) {
        tokens.append(Token(kind: kind, column: start + 1, spelling: String(characters[start..<end])))
    }

    /// `^` or `~` and the ASCII digits and dots right after it.
    private mutating func lexNumberSuffix() {
        let start = position
        var end = start + 1
        while end < characters.count, characters[end].isASCII, characters[end].isNumber || characters[end] == "." {
            end += 1
        }
        let number = String(characters[(start + 1)..<end])
        emit(characters[start] == "^" ? .boost(number: number) : .slop(number: number), from: start, to: end)
        position = end
    }

    /// A phrase up to the next unescaped `"`, or an unterminated quote, after which
    /// lexing resumes right after the `"`.
    private mutating func lexPhrase() {
        let start = position
        var index = start + 1
        var words: [String] = []
        var word = ""
        var inWord = false
        while index < characters.count {
            let character = characters[index]
            if character == "\"" {
                if inWord { words.append(word) }
                emit(.phrase(words: words), from: start, to: index + 1)
                position = index + 1
                return
            }
            if character == "\\", index + 1 < characters.count {
                word.append(characters[index + 1])
                inWord = true
                index += 2
            } else if WordSeparators.isSeparator(character) {
                if inWord { words.append(word) }
                word = ""
                inWord = false
                index += 1
            } else {
                word.append(character)
                inWord = true
                index += 1
            }
        }
        emitSingle(.unterminatedQuote)
    }

    /// The value of the filter `name` whose `:` is at `position`, up to a separator or word
    /// terminator, or for a range up to its closing `]` or `}` (or the end).
    private mutating func lexFilterValue(named name: String, from start: Int) {
        position += 1
        var end = position
        if end < characters.count, characters[end] == "[" || characters[end] == "{" {
            while end < characters.count, characters[end] != "]" && characters[end] != "}" { end += 1 }
            if end < characters.count { end += 1 }
        } else {
            while end < characters.count, !WordSeparators.isSeparator(characters[end]), !Self.wordTerminators.contains(characters[end]) {
                end += 1
            }
        }
        let value = String(characters[position..<end])
        emit(.filter(name: name, value: value), from: start, to: end)
        position = end
    }

    /// A word, a known field name with its `:`, or an operator keyword.
    private mutating func lexWord() {
        let start = position
        var text = ""
        var hasEscape = false
        var sawColon = false
        var stars: [Int] = []
        var problem: LocatedProblem?

        func note(_ found: SyntaxProblem, at index: Int) {
            if problem.map({ index + 1 < $0.column }) ?? true {
                problem = LocatedProblem(problem: found, column: index + 1)
            }
        }

        while position < characters.count {
            let character = characters[position]
            if WordSeparators.isSeparator(character) || Self.wordTerminators.contains(character) { break }
            if character == "\\" {
                hasEscape = true
                if position + 1 < characters.count {
                    text.append(characters[position + 1])
                    position += 2
                } else {
                    note(.danglingEscape, at: position)
                    text.append(character)
                    position += 1
                }
                continue
            }
            if character == ":", !sawColon {
                sawColon = true
                if let field = Field(caseInsensitiveName: text) {
                    emit(.field(field), from: start, to: position + 1)
                    position += 1
                    return
                }
                if !hasEscape, Filter.names.contains(text.lowercased()) {
                    lexFilterValue(named: text.lowercased(), from: start)
                    return
                }
                note(.unknownField(text), at: start)
            }
            if character == "*" { stars.append(position) }
            text.append(character)
            position += 1
        }

        let last = position - 1
        var isPrefix = false
        if stars == [last], text.count > 1 {
            isPrefix = true
            text.removeLast()
        } else if let first = stars.first {
            note(.invalidWildcard, at: stars.first(where: { $0 != last }) ?? first)
        }

        let kind: TokenKind
        let mayBeKeyword = !hasEscape && !isPrefix && problem == nil
        switch mayBeKeyword ? text : "" {
        case "AND", "&&": kind = .and
        case "OR", "||": kind = .or
        case "NOT": kind = .not
        default: kind = .word(WordToken(text: text, isPrefix: isPrefix, problem: problem))
        }
        emit(kind, from: start, to: position)
    }
}
