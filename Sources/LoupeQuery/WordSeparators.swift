/// Which characters separate words in query text.
enum WordSeparators {
    /// `true` for whitespace (including whitespace carrying combining marks) and for a
    /// character that would merge into a neighbouring character if written next to one: a
    /// combining mark, joiner or emoji modifier with no base, or a lone prepended mark. Such a
    /// character carries nothing searchable on its own, and keeping it in a word would make
    /// the word join whatever syntax is written next to it.
    static func isSeparator(_ character: Character) -> Bool {
        if character.isASCII {
            return character.isWhitespace
        }
        if character.unicodeScalars.first?.properties.isWhitespace == true {
            return true
        }
        let alone = String(character)
        return (" " + alone).count == 1 || (alone + " ").count == 1
    }
}
