import LoupeAnalysis
import LoupeEngine
import LoupeIndex

/// What the snippet benchmarks mark: a text of English sentences and the builder of a query of
/// two words and a phrase, under the `english` analyzer (so every token is stemmed), and the
/// search fixture's top 10 for its term query with a builder for that term.
final class SnippetFixture: @unchecked Sendable {
    /// About 4 KiB of sentences from a 60-word vocabulary (seeded); the query's words occur a
    /// few times each, far apart, and the phrase once, near the end.
    let text: String
    /// Two words and the phrase "cold war", as the planner would give them.
    let builder: SnippetBuilder
    /// The search fixture's top 10 for ``SearchFixture/termQuery``, and a builder marking its word.
    let topDocs: [UInt32]
    let termBuilder: SnippetBuilder

    init() throws {
        let vocabulary = [
            "the", "a", "of", "and", "to", "in", "was", "were", "government", "policy", "countries", "nations", "agreement",
            "economic", "military", "history", "during", "after", "between", "against", "treaty", "leaders", "minister",
            "election", "parliament", "reforms", "trade", "border", "conflict", "forces", "influence", "regional", "alliance",
            "negotiations", "years", "century", "decades", "support", "opposition", "movement", "population", "industrial",
            "growth", "crisis", "independence", "colonial", "republic", "president", "signed", "declared", "announced",
            "Résumé", "naïve", "café", "running", "runs", "rivers", "mountains", "coastal", "northern",
        ]
        var rng = SplitMix64(seed: 0x5A1E7)
        var text = ""
        var sentence = 0
        while text.utf8.count < 4_000 {
            let words = (0..<(8 + Int(rng.next() % 12))).map { _ in vocabulary[Int(rng.next() % UInt64(vocabulary.count))] }
            var line = words.joined(separator: " ")
            if sentence % 9 == 4 { line += " pakistan" }
            if sentence == 30 { line += " after the cold war ended" }
            text += line.prefix(1).uppercased() + line.dropFirst() + ". "
            sentence += 1
        }
        self.text = text
        let english = Analyzer(.preset(.english))
        var highlight = HighlightTerms()
        highlight.terms = ["pakistan", "run"]
        highlight.phrases = [[("cold", 0), ("war", 1)]]
        builder = SnippetBuilder(analyzer: english, highlight: highlight)
        let search = searchFixture
        topDocs = try search.searcher.topDocs(SearchFixture.termQuery, k: 10, options: search.options).map(\.doc)
        var term = HighlightTerms()
        term.terms = [SearchFixture.word(10)]
        termBuilder = SnippetBuilder(analyzer: search.reader.analyzer, highlight: term)
        guard topDocs.count == 10, try topDocs.allSatisfy({ try search.reader.withText($0) { termBuilder.snippet(of: $0) }?.highlights.isEmpty == false })
        else { fatalError("the top 10 of the term query must each have a marked snippet") }
    }
}

/// Built on first use, in the setup of the benchmarks that need it.
let snippetFixture: SnippetFixture = {
    do {
        return try SnippetFixture()
    } catch {
        fatalError("cannot build the snippet fixture: \(error)")
    }
}()
