// The standard analyzer configurations.

/// A named, fixed `AnalyzerSettings` configuration.
public enum AnalyzerPreset: String, Codable, Sendable, CaseIterable {
    /// Full case folding, diacritic folding, English stop words and Porter2 stemming; tokens of
    /// more than 40 bytes dropped.
    case english
    /// Plain lower-casing and splitting on non-alphanumerics only, like Tantivy's simple tokenizer
    /// with its lower-caser: no diacritic folding, no stop words, no stemming; tokens of more than
    /// 40 bytes dropped.
    case simple
}

extension AnalyzerSettings {
    /// The settings of `preset`.
    public static func preset(_ preset: AnalyzerPreset) -> AnalyzerSettings {
        switch preset {
        case .english:
            AnalyzerSettings(
                foldDiacritics: true, stopWords: true, stem: true, maxTokenLength: 40, caseFolding: true
            )
        case .simple:
            AnalyzerSettings(
                foldDiacritics: false, stopWords: false, stem: false, maxTokenLength: 40, caseFolding: false
            )
        }
    }

    /// The preset these settings are equal to, or nil for a custom configuration.
    public var preset: AnalyzerPreset? {
        AnalyzerPreset.allCases.first { AnalyzerSettings.preset($0) == self }
    }
}
