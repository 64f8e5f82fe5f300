import LoupeAnalysis

// Shared analyzers and helpers for the tests.

/// The English preset.
let english = Analyzer(.preset(.english))
/// The simple preset.
let simple = Analyzer(.preset(.simple))
/// The English preset without stemming, to look at normalization alone.
let englishUnstemmed = custom(caseFolding: true, foldDiacritics: true, stopWords: true)

/// An analyzer with everything off unless asked for.
func custom(
    caseFolding: Bool = false,
    foldDiacritics: Bool = false,
    stopWords: Bool = false,
    stem: Bool = false,
    maxTokenLength: Int = 40
) -> Analyzer {
    Analyzer(
        AnalyzerSettings(
            foldDiacritics: foldDiacritics, stopWords: stopWords, stem: stem,
            maxTokenLength: maxTokenLength, caseFolding: caseFolding
        )
    )
}

/// The terms `analyzer` emits for `text`.
func terms(_ analyzer: Analyzer, _ text: String) -> [String] {
    analyzer.tokens(text).map(\.term)
}

/// The tokens `analyzer` emits for `text`, as "term@position".
func positioned(_ analyzer: Analyzer, _ text: String) -> [String] {
    analyzer.tokens(text).map { "\($0.term)@\($0.position)" }
}

/// The source text of each emitted token, cut out of `text` by its byte range.
func sources(_ analyzer: Analyzer, _ text: String) -> [String] {
    let bytes = Array(text.utf8)
    return analyzer.tokens(text).map { String(decoding: bytes[$0.range], as: UTF8.self) }
}

/// The tokens of a raw byte buffer, as "term@position[start..<end]".
func rawTokens(_ analyzer: Analyzer, _ bytes: [UInt8]) -> [String] {
    var tokens: [String] = []
    bytes.withUnsafeBytes { buffer in
        analyzer.analyze(buffer) { term, position, range in
            let text = String(decoding: term, as: UTF8.self)
            tokens.append("\(text)@\(position)[\(range.lowerBound)..<\(range.upperBound)]")
        }
    }
    return tokens
}
