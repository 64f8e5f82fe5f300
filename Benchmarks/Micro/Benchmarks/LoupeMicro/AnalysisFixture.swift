import LoupeAnalysis

/// About 1 MiB of generated text for timing the analyzer alone: sentences of the
/// ``SearchFixture``'s Zipf words, capitalised at the start, with punctuation and numbers; in the
/// mixed text one word in eight is accented or in another script (`Résumé`, `naïve`, `Ελλάδα`,
/// `Straße`, `日本語`), which takes the analyzer's general path.
final class AnalysisFixture: @unchecked Sendable {
    let ascii: String
    let mixed: String
    let simple = Analyzer(.preset(.simple))
    let english = Analyzer(.preset(.english))

    init() {
        ascii = Self.text(nonASCII: false)
        mixed = Self.text(nonASCII: true)
    }

    /// Tokens of `text` under `analyzer`, with their term bytes summed so nothing is optimised away.
    func analyze(_ text: String, _ analyzer: Analyzer) -> Int {
        var checksum = 0
        analyzer.analyze(text) { term, position, _ in checksum &+= term.count &+ Int(position) }
        return checksum
    }

    private static func text(nonASCII: Bool) -> String {
        let others = ["Résumé", "naïve", "Ελλάδα", "Straße", "日本語", "café", "ÉCOLE", "Dvořák"]
        let zipf = ZipfSampler(n: SearchFixture.vocabulary, s: 1)
        let words = (1...SearchFixture.vocabulary).map(SearchFixture.word)
        var rng = SplitMix64(seed: 0xA7A1)
        var text = ""
        text.reserveCapacity(1 << 20 + 256)
        while text.utf8.count < 1 << 20 {
            let length = 5 + Int(rng.next() % 20)
            for i in 0..<length {
                var word = words[zipf.sample(&rng)]
                if nonASCII && rng.next() % 8 == 0 { word = others[Int(rng.next() % UInt64(others.count))] }
                if i == 0 { word = word.prefix(1).uppercased() + word.dropFirst() }
                text += word
                switch rng.next() % 16 {
                case 0: text += ", "
                case 1: text += " \(rng.next() % 2000) "
                default: text += " "
                }
            }
            text += ". "
        }
        return text
    }
}

/// Built on first use, in the setup of the benchmark, so its time is not measured.
let analysisFixture = AnalysisFixture()
