/// Writes raw text back as query syntax that reads as the same text: the inverse of the
/// lexer's escapes.
enum QueryTextEscaping {
    /// Characters escaped anywhere in a word.
    private static let specialInWord: Set<Character> = ["\\", "(", ")", "\"", "^", "~", ":", "*"]
    /// Characters escaped at the start of a word, where they are prefixes.
    private static let specialAtStart: Set<Character> = ["+", "-", "!"]
    /// Words that would read as operators.
    private static let keywords: Set<String> = ["AND", "OR", "NOT", "&&", "||"]

    /// `text` as a word of query syntax (for a term, or a prefix before its `*`).
    static func word(_ text: String) -> String {
        var escaped = ""
        for character in text {
            let special = specialInWord.contains(character) || WordSeparators.isSeparator(character)
                || (escaped.isEmpty && specialAtStart.contains(character))
            if special { escaped.append("\\") }
            escaped.append(character)
        }
        return keywords.contains(text) ? "\\" + escaped : escaped
    }

    /// `word` as a word inside a quoted phrase.
    static func phraseWord(_ word: String) -> String {
        var escaped = ""
        for character in word {
            if character == "\"" || character == "\\" || WordSeparators.isSeparator(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
