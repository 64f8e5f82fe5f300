import LoupeAnalysis
import LoupeTestSupport
import Testing
@testable import LoupeEngine

/// ``SnippetBuilder`` against ``referenceSnippet(of:analyzer:highlight:length:)`` on random texts:
/// the same passage and the same marks, in the English (stemmed) and simple analyzers.
@Suite struct SnippetPropertyTests {
    /// Words of the random texts: stemmed variants, stop words, case and diacritic variants,
    /// CJK, a word longer than a short window, and digits.
    static let words = [
        "run", "runs", "Running", "runner", "war", "wars", "War", "cold", "Cold", "colder", "world", "worlds", "of", "the", "and",
        "a", "naïve", "naive", "NAÏVE", "café", "cafe", "Café", "日本", "日本語", "straße", "STRASSE", "École", "ecole",
        "Ünïcödé", "résumé", "resumes", "x", "42", "2026", "e-mail", "don't", "extraordinarilylongwordthatoutrunsawindow",
        "😀", "ﬁle", "İstanbul", "quick", "brown", "fox", "jumps", "jumping",
    ]
    static let separators = [" ", " ", " ", " ", ", ", ". ", "\n", "\r\n", "\t", " — ", "  ", "/", " (", ") "]

    static func text(_ rng: inout SeededGenerator) -> String {
        let count = Int.random(in: 0...220, using: &rng)
        var out = ""
        for i in 0..<count {
            if i > 0 { out += separators.randomElement(using: &rng)! }
            out += words.randomElement(using: &rng)!
        }
        return out
    }

    /// Highlights as the planner makes them: analyzed words, and phrases of analyzed words at
    /// their positions relative to the first.
    static func highlight(_ analyzer: Analyzer, _ rng: inout SeededGenerator) -> HighlightTerms {
        var out = HighlightTerms()
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            for token in analyzer.tokens(words.randomElement(using: &rng)!) { out.terms.insert(token.term) }
        }
        for _ in 0..<Int.random(in: 0...2, using: &rng) {
            let phrase = (0..<Int.random(in: 2...4, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
            let tokens = analyzer.tokens(phrase)
            guard let first = tokens.first, tokens.count > 1 else { continue }
            out.add(phrase: tokens.map { ($0.term, $0.position - first.position) })
        }
        return out
    }

    @Test(arguments: [AnalyzerPreset.english, .simple])
    func matchesTheReference(_ preset: AnalyzerPreset) {
        let analyzer = Analyzer(.preset(preset))
        for seed in 0..<1_500 as Range<UInt64> {
            var rng = SeededGenerator(seed: seed)
            let text = Self.text(&rng)
            let highlight = Self.highlight(analyzer, &rng)
            let length = [20, 25, 40, 80, 160, 300].randomElement(using: &rng)!
            let fast = SnippetBuilder(analyzer: analyzer, highlight: highlight, length: length).snippet(of: text)
            let reference = referenceSnippet(of: text, analyzer: analyzer, highlight: highlight, length: length)
            #expect(fast == reference, "seed \(seed), length \(length), terms \(highlight.terms), phrases \(highlight.phrases)")
            if fast != reference { return }
        }
    }

    /// The reference finds something to compare: most random cases mark words, some phrases.
    @Test func theRandomCasesMarkWordsAndPhrases() {
        let analyzer = Analyzer(.preset(.english))
        var marked = 0, phrases = 0
        for seed in 0..<300 as Range<UInt64> {
            var rng = SeededGenerator(seed: seed)
            let text = Self.text(&rng)
            let highlight = Self.highlight(analyzer, &rng)
            let snippet = referenceSnippet(of: text, analyzer: analyzer, highlight: highlight, length: 160)
            if !snippet.highlights.isEmpty { marked += 1 }
            let scalars = Array(snippet.text.unicodeScalars)
            if snippet.highlights.contains(where: { String(String.UnicodeScalarView(scalars[$0])).contains(" ") }) { phrases += 1 }
        }
        #expect(marked > 150)
        #expect(phrases > 10)
    }
}
