// The analyzer: text in, terms with positions and source ranges out.

/// Turns text into index terms.
///
/// Tokens are maximal runs of alphanumeric characters (Unicode Alphabetic, or general category
/// Nd, Nl or No: exactly Rust's `char::is_alphanumeric`, as in Tantivy's simple tokenizer);
/// everything else separates them. Each token takes the next position (0, 1, 2, …) whether or
/// not it is emitted; it is then normalized (case, optionally diacritics), dropped if longer than
/// `maxTokenLength` bytes or a stop word, and optionally stemmed. So "war of the worlds" yields
/// war@0 and world@3 under the English preset.
///
/// An analyzer holds only its settings: it is safe to use from many threads at once. ASCII
/// text takes a byte-level path without Foundation or per-token allocations.
public struct Analyzer: Sendable {
    /// The settings this analyzer applies.
    public let settings: AnalyzerSettings

    /// Creates an analyzer for `settings`.
    public init(_ settings: AnalyzerSettings) {
        self.settings = settings
    }

    /// Calls `body` for each emitted token in order: the normalized term as UTF-8 bytes (valid only
    /// during the call), its position, and the byte range of its source in `text` (UTF-8 offsets
    /// into the input). Ill-formed UTF-8 in `text` separates tokens like punctuation.
    public func analyze(_ text: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer, UInt32, Range<Int>) -> Void) {
        guard let base = text.baseAddress, text.count > 0 else { return }
        let limit = min(max(settings.maxTokenLength, 0), 65_536)
        // Room for the longest kept term plus one character's expansion past the limit. A token's
        // normalized form is at most three times its UTF-8 length; four leaves a margin.
        let termCapacity = min(limit, 4 * text.count) + 16
        let normalizer = ScalarNormalizer(caseFolding: settings.caseFolding, foldDiacritics: settings.foldDiacritics)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3 * termCapacity) { scratch in
            let pass = AnalysisPass(
                text: base,
                count: text.count,
                limit: limit,
                scratch: scratch.baseAddress!,
                termCapacity: termCapacity,
                normalizer: normalizer,
                stopWords: settings.stopWords ? EnglishStopWords.set : nil,
                stem: settings.stem
            )
            pass.run(body)
        }
    }

    /// Calls `body` for each emitted token of `text`, as `analyze(_:_:)` on its UTF-8 bytes.
    public func analyze(_ text: String, _ body: (UnsafeRawBufferPointer, UInt32, Range<Int>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            analyze(UnsafeRawBufferPointer(bytes), body)
        }
    }

    /// The emitted tokens of `text` as values (for queries, snippets and tests).
    public func tokens(_ text: String) -> [AnalyzedToken] {
        var tokens: [AnalyzedToken] = []
        analyze(text) { term, position, range in
            tokens.append(AnalyzedToken(term: String(decoding: term, as: UTF8.self), position: position, range: range))
        }
        return tokens
    }

    /// Normalizes a single query word the way tokens are normalized (case and, if configured,
    /// diacritic folding), without stemming, stop-word removal or the length limit; used for
    /// prefix queries (e.g. "Résumé" → "resume" under the English preset). The word is not
    /// split: separator characters are kept as they are, so pass a single token.
    public func normalize(_ word: String) -> String {
        let normalizer = ScalarNormalizer(caseFolding: settings.caseFolding, foldDiacritics: settings.foldDiacritics)
        var output = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            normalizer.normalize(scalar) { output.append($0) }
        }
        return String(output)
    }
}
