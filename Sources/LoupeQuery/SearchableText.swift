/// Whether raw text holds anything the engine could search for.
enum SearchableText {
    /// `true` when `text` has at least one letter or digit. The parser drops words and
    /// phrases made only of punctuation, symbols (emoji included) or whitespace, which no
    /// analyzer turns into searchable terms.
    static func carriesText(_ text: String) -> Bool {
        text.contains { $0.isLetter || $0.isNumber }
    }
}
