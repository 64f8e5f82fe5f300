/// The edits a fuzzy word (`word~` without a number) allows, from its length, as Meilisearch
/// and Typesense choose them: short words must be exact, longer ones may have typos.
public enum FuzzyDistance {
    /// 0 edits for a word of fewer than 5 characters, 1 for fewer than 9, else 2.
    public static func automatic(forLength length: Int) -> Int {
        switch length {
        case ..<5: 0
        case ..<9: 1
        default: 2
        }
    }
}
