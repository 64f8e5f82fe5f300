/// The numbers written after `^` (boost) and `~` (slop).
///
/// Both read text made of ASCII digits and dots, as the lexer collects it.
enum NumberSyntax {
    /// The boost written `text`: digits, optionally a dot and more digits, with a positive
    /// finite value; `nil` otherwise.
    static func boost(_ text: String) -> Double? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }),
              let value = Double(text), value > 0, value.isFinite
        else { return nil }
        return value
    }

    /// The slop written `text`: digits only, within `Int`'s range; `nil` otherwise.
    static func slop(_ text: String) -> Int? {
        guard !text.contains(".") else { return nil }
        return Int(text)
    }
}
