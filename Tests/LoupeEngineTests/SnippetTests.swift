import Foundation
import LoupeAnalysis
import LoupeIndex
import LoupeTestSupport
import Testing
@testable import LoupeEngine

@Suite struct SnippetTests {
    func marked(_ snippet: Snippet) -> [String] {
        let scalars = Array(snippet.text.unicodeScalars)
        return snippet.highlights.map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    @Test func stemmedFormsAreMarked() {
        var terms = HighlightTerms()
        terms.terms = ["run"]
        let builder = SnippetBuilder(analyzer: Analyzer(.preset(.english)), highlight: terms)
        let snippet = builder.snippet(of: "She runs every day. Running is her hobby.")
        #expect(marked(snippet) == ["runs", "Running"])
    }

    @Test func phrasesAreMarkedAsOneSpan() {
        var terms = HighlightTerms()
        terms.phrases = [[("cold", 0), ("war", 1)]]
        let builder = SnippetBuilder(analyzer: Analyzer(.preset(.english)), highlight: terms)
        let snippet = builder.snippet(of: "A war that was cold. After the Cold War ended, the cold and the war were gone.")
        #expect(marked(snippet) == ["Cold War"])
    }

    @Test func theBestPassageIsChosenAndCutAtWords() {
        var terms = HighlightTerms()
        terms.terms = ["alpha", "beta"]
        let filler = String(repeating: "lorem ipsum dolor ", count: 40)
        let text = "alpha " + filler + "here alpha and beta stand together " + filler
        let snippet = SnippetBuilder(analyzer: Analyzer(.preset(.simple)), highlight: terms, length: 80).snippet(of: text)
        #expect(marked(snippet) == ["alpha", "beta"])
        #expect(snippet.text.hasPrefix("…"))
        #expect(snippet.text.hasSuffix("…"))
        #expect(snippet.text.unicodeScalars.count <= 84)
    }

    @Test func aCutPassageKeepsCodePointOffsetsAndLosesItsLineBreaks() {
        var terms = HighlightTerms()
        terms.terms = ["naïve", "日本"]
        let lead = String(repeating: "ünïcödé wörds ", count: 30)
        let text = lead + "a naïve\r\nline\tabout 日本 and\nmore " + String(repeating: "ßß ", count: 60)
        let snippet = SnippetBuilder(analyzer: Analyzer(.preset(.simple)), highlight: terms, length: 60).snippet(of: text)
        #expect(snippet.text.hasPrefix("…") && snippet.text.hasSuffix("…"))
        #expect(marked(snippet) == ["naïve", "日本"])
        #expect(!snippet.text.contains { $0.isNewline || $0 == "\t" })
        #expect(snippet.text.contains("naïve  line about 日本 and more"))
    }

    @Test func offsetsCountCodePoints() {
        var terms = HighlightTerms()
        terms.terms = ["café"]
        let snippet = SnippetBuilder(analyzer: Analyzer(.preset(.simple)), highlight: terms).snippet(of: "Ünïcödé text: café au lait")
        #expect(marked(snippet) == ["café"])
        #expect(snippet.highlights == [14..<18])
    }

    @Test func searchAttachesSnippetsFromTheIndexedText() throws {
        let dir = TemporaryDirectory("snippets")
        let index = try makeIndex(dir, [("a", "T", "the quick brown fox jumps"), ("b", "", "nothing here")], analyzer: .english)
        var options = SearchOptions()
        options.snippets = true
        let results = try Searcher(reader: try index.reader()).search("\"brown fox\" jumping -nothing", options: options)
        let snippet = try #require(results.hits.first?.snippet)
        #expect(marked(snippet) == ["brown fox", "jumps"])
    }
}

@Suite struct SeedSnippetTests {
    /// The passage chosen holds both a phrase and a term when they stand close together.
    @Test func seedPhraseIsMarked() throws {
        let text = try String(contentsOfFile: repositoryRoot + "/seeds/000_d81bf0a44b9c720b.txt", encoding: .utf8)
        var terms = HighlightTerms()
        terms.phrases = [[("cold", 0), ("war", 1)]]
        terms.terms = ["pakistan"]
        let snippet = SnippetBuilder(analyzer: Analyzer(.preset(.english)), highlight: terms).snippet(of: text)
        #expect(snippet.highlights.count >= 2)
    }
}
