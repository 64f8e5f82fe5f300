import Foundation
import LoupeAnalysis
import Testing

/// The Snowball project's official English vocabulary (Resources/stemmer, see its README.md).
@Suite struct StemmerVocabularyTests {
    private static func lines(_ name: String) throws -> [Substring] {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources/stemmer"),
            "missing resource \(name).txt"
        )
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") {
            lines.removeLast()
        }
        return lines
    }

    @Test func everyVocabularyWordStemsAsTheReference() throws {
        let words = try Self.lines("voc")
        let stems = try Self.lines("output")
        #expect(words.count == 42_649)
        #expect(stems.count == words.count)

        let stemmer = EnglishStemmer()
        var mismatches: [String] = []
        for (word, expected) in zip(words, stems) {
            let actual = stemmer.stem(String(word))
            if actual != expected {
                mismatches.append("\(word) → \(actual), expected \(expected)")
            }
        }
        #expect(mismatches.count == 0, "mismatches, e.g. \(mismatches.prefix(20).joined(separator: "; "))")
    }
}
