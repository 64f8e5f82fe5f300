import LoupeExtract
import Testing

/// Random markup-heavy input must never crash an extractor or the JSON lines reader, and
/// must never lose plain words.
@Suite struct RobustnessTests {
    private static let alphabet: [String] = [
        "<", ">", "</", "/>", "<!--", "-->", "<![CDATA[", "]]>", "<!", "<?", "&", "&#", "&#x", ";", "amp",
        "<p>", "</p>", "<script>", "</script>", "<pre>", "<title>", "<h1>", "\"", "'", "=", "[", "]", "(", ")",
        "!", "*", "**", "_", "`", "```", "~~~", "#", "-", "|", ">", "\\", "\n", "\n\n", " ", "  ", "\t",
        "é", "\u{FFFD}", "{", "}", ":", ",", "\\u", "d83d", "x", "1", "word",
    ]

    private func randomDocument(_ generator: inout SplitMix, pieces: Int) -> String {
        (0..<pieces).map { _ in Self.alphabet.randomElement(using: &generator)! }.joined()
    }

    @Test func randomMarkupNeverCrashes() {
        var generator = SplitMix(seed: 7)
        for _ in 0..<2000 {
            let document = randomDocument(&generator, pieces: Int.random(in: 0...80, using: &generator))
            for format in DocumentFormat.allCases {
                let extracted = DocumentExtractor.extract(bytes: Array(document.utf8), format: format)
                #expect(extracted.title.count <= 200)
            }
        }
    }

    @Test func randomBytesNeverCrash() {
        var generator = SplitMix(seed: 11)
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0...300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            for format in DocumentFormat.allCases {
                _ = DocumentExtractor.extract(bytes: bytes, format: format)
            }
        }
    }

    @Test func plainWordsSurviveHTML() {
        let html = "<div>alpha <b>beta</b> gamma < delta > epsilon & zeta <unknown attr=1>eta</unknown> theta"
        let text = DocumentExtractor.extract(bytes: Array(html.utf8), format: .html).text
        for word in ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"] {
            #expect(text.contains(word), "\(word) missing from \(text)")
        }
    }

    @Test func randomJSONLinesNeverCrash() throws {
        var generator = SplitMix(seed: 3)
        var lines: [String] = []
        for _ in 0..<3000 {
            lines.append("{\"id\": \"x\", " + randomDocument(&generator, pieces: Int.random(in: 0...30, using: &generator)))
        }
        let directory = try TemporaryDirectory()
        let file = try directory.write("random.jsonl", lines.joined(separator: "\n"))
        var count = 0
        try JSONLinesReader(path: file).forEach { _ in count += 1 }
        #expect(count > 0)
    }
}
