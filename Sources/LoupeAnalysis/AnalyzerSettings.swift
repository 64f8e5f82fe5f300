// What the analyzer does to text.

/// How an `Analyzer` turns text into terms.
///
/// Stored in index metadata as JSON with plain keys (`caseFolding`, `foldDiacritics`,
/// `stopWords`, `stem`, `maxTokenLength`), so an index is always read back with the analysis
/// it was built with. Use `AnalyzerSettings.preset(_:)` for the standard configurations.
public struct AnalyzerSettings: Codable, Sendable, Equatable, Hashable {
    /// Case normalization: `true` for full Unicode case folding ("Straße" → "strasse",
    /// "ς" → "σ"), `false` for the plain Unicode lower-case mapping of each character, as Rust's
    /// `char::to_lowercase` and Tantivy's lower-caser ("Straße" → "straße"). Either way
    /// "ΣΟΦΟΣ" becomes "σοφοσ" (no final-sigma context rule).
    public var caseFolding: Bool
    /// Remove diacritics after the case mapping: letters are canonically decomposed and the
    /// marks of the Unicode "Combining Diacritical Marks" blocks dropped; ø, đ, ł, ħ, ŧ lose
    /// their stroke and dotless ı becomes i (é → e, ñ → n, Å → a, ø → o, й → и, ώ → ω). Other
    /// scripts' marks (kana voicing, Indic nukta) and ligatures (æ, œ) are kept.
    public var foldDiacritics: Bool
    /// Drop English stop words ("the", "of", …; the Snowball English list). A dropped stop word
    /// still takes up its position.
    public var stopWords: Bool
    /// Reduce terms to their Snowball English (Porter2) stem ("running" → "run").
    public var stem: Bool
    /// The longest term kept, in UTF-8 bytes of the normalized (case- and diacritic-folded,
    /// unstemmed) token; longer tokens are dropped but still take up their position. Values
    /// below 1 drop every token; values above 65,536 act as 65,536. (Tantivy's
    /// `RemoveLongFilter::limit(40)` keeps only tokens of fewer than 40 bytes, measured before
    /// lower-casing: the equivalent here is 39.)
    public var maxTokenLength: Int

    /// Creates settings. `caseFolding` defaults to full case folding.
    public init(
        foldDiacritics: Bool,
        stopWords: Bool,
        stem: Bool,
        maxTokenLength: Int = 40,
        caseFolding: Bool = true
    ) {
        self.caseFolding = caseFolding
        self.foldDiacritics = foldDiacritics
        self.stopWords = stopWords
        self.stem = stem
        self.maxTokenLength = maxTokenLength
    }
}
