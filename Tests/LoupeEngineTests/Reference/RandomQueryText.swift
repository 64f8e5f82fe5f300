import LoupeTestSupport

/// Random query strings in the query language (docs/query-syntax.md) over the words of
/// ``RandomCorpus``: bare terms, `"phrases"` of 2–3 words with and without `~N`, `+`/`-`/`NOT`/`!`
/// prefixes, `AND`/`OR`/`&&`/`||`/`NOT` between clauses, groups in parentheses (nested up to
/// two levels), `title:`/`body:`/`path:` fields, `prefix*`, fuzzy `word~N` and `^boosts`. A few strings carry
/// stray syntax (an unmatched `)` or `"`, a dangling `^`) that the lenient parser recovers from.
///
/// The strings are only text: the real `QueryParser` turns them into trees, and both the engine
/// and the reference judge those trees.
enum RandomQueryText {
    /// Words a term or phrase is made of: the vocabulary, other cases of it, a word no document
    /// has, stop words, two words joined by separators (several tokens) and punctuation only
    /// (which the parser drops).
    static let words = RandomCorpus.vocabulary + [
        "ALPHA", "Models", "WIND", "Cafe", "CAFÉ", "zeta", "alpha-beta", "wind's", "of-the", "model.run", "...",
    ]

    /// Texts written before `*`: prefixes of vocabulary words in several cases, a whole word, a
    /// prefix no term has and one that is a stop word.
    static let prefixes = ["al", "Al", "mod", "model", "models", "ru", "t", "ca", "caf", "CAFÉ", "w", "gam", "zz", "the", "d"]

    /// Field prefixes of a clause; the empty string (no field) is the most frequent.
    private static let fields = ["", "", "", "", "", "", "title:", "body:", "Title:", "path:"]
    /// Prefixes that make a clause required or excluded; none is the most frequent.
    private static let modifiers = ["", "", "", "", "", "", "+", "+", "-", "-", "NOT ", "!"]
    /// What joins two clauses: adjacency (the default operator) or an explicit operator.
    private static let joiners = [" ", " ", " ", " ", " AND ", " OR ", " NOT ", " && ", " || ", " AND NOT "]
    private static let boosts = ["^2", "^0.5", "^1.5", "^3"]
    private static let slops = ["~0", "~1", "~2", "~3", "~5"]

    /// Metadata filters (docs/query-syntax.md, "Filters") over the values ``RandomCorpus``
    /// gives documents, with some that match nothing and groups of alternatives.
    static let filters = [
        "type:pdf", "type:txt", "type:email", "TYPE:Md", "type:epub", "ext:gz", "ext:.PDF", "ext:txt", "ext:zzz",
        "modified:>=2024-01-01", "modified:<2002-01-01", "modified:[2010-01-01 TO 2015-06-30]", "modified:{2010 TO 2020}",
        "modified:2020", "modified:[* TO 2010-03-01T12:00:00Z]", "modified:>2024-06", "modified:<=2005-12-31",
        "size:>1MB", "size:<=100", "size:[1KiB TO 2MB]", "size:{100 TO *]", "size:>=1.5KB", "size:0",
        "(type:pdf OR type:epub)", "(ext:gz OR size:<1000)", "(type:txt -size:>1MB)",
    ]

    /// A query of 1–4 clauses, which may nest groups down to `depth` more levels; with
    /// `filters`, a clause is a filter about one time in four.
    static func query(depth: Int = 2, filters: Bool = false, using rng: inout SeededGenerator) -> String {
        var text = ""
        for i in 0..<Int.random(in: 1...4, using: &rng) {
            if i > 0 { text += joiners.randomElement(using: &rng)! }
            if filters && Int.random(in: 0..<4, using: &rng) == 0 {
                text += modifiers.randomElement(using: &rng)! + Self.filters.randomElement(using: &rng)!
            } else {
                text += clause(depth: depth, filters: filters, using: &rng)
            }
        }
        if Int.random(in: 0..<30, using: &rng) == 0 {
            text += [")", " \"", "^", " ~2", " AND"].randomElement(using: &rng)!
        }
        return text
    }

    /// One clause: optional modifier and field, then a term, prefix, phrase or group, then an
    /// optional boost.
    static func clause(depth: Int, filters: Bool = false, using rng: inout SeededGenerator) -> String {
        var text = modifiers.randomElement(using: &rng)! + fields.randomElement(using: &rng)!
        let roll = Int.random(in: 0..<100, using: &rng)
        switch roll {
        case ..<40:
            text += words.randomElement(using: &rng)!
        case ..<45:
            text += words.randomElement(using: &rng)! + ["~", "~1", "~2"].randomElement(using: &rng)!
        case ..<60:
            text += prefixes.randomElement(using: &rng)! + "*"
        case ..<85:
            text += phrase(using: &rng)
        default:
            if depth > 0 {
                text += "(" + query(depth: depth - 1, filters: filters, using: &rng) + ")"
            } else {
                text += words.randomElement(using: &rng)!
            }
        }
        if Int.random(in: 0..<8, using: &rng) == 0 { text += boosts.randomElement(using: &rng)! }
        return text
    }

    /// A quoted phrase of 2–3 words (sometimes 1), with a slop about half the time.
    static func phrase(using rng: inout SeededGenerator) -> String {
        let count = Int.random(in: 0..<10, using: &rng) == 0 ? 1 : Int.random(in: 2...3, using: &rng)
        let quoted = (0..<count).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
        let slop = Bool.random(using: &rng) ? slops.randomElement(using: &rng)! : ""
        return "\"" + quoted + "\"" + slop
    }
}
