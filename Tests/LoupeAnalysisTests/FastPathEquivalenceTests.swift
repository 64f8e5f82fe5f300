import LoupeTestSupport
import Testing
@testable import LoupeAnalysis

/// The analyzer's byte-level paths (ASCII tokens lower-cased as they are found, then stemmed by
/// the ASCII stemmer) against the general path taken one scalar at a time on random text that
/// mixes ASCII, other scripts, case mappings that change length, marks, and ill-formed UTF-8:
/// every term, position and source range must be the same.
@Suite struct FastPathEquivalenceTests {
    typealias Token = (term: [UInt8], position: UInt32, range: Range<Int>)

    /// Pieces the random texts are made of.
    static let pieces: [[UInt8]] = {
        let words = ["a", "Z", "the", "Running", "ÉCOLE", "café", "naïve", "Straße", "ẞ", "İstanbul", "ıi", "ΣΟΦΟΣ", "ς",
                     "日本語", "٣٤", "ﬁle", "ᎠᏍ", "𝐀𝐁", "x2", "42", "OF", "generously", "abcdefghijklmnopqrstuvwxyz"]
        let separators = [" ", ", ", ".", "_", "-", "\n", "\u{0301}", "😀", "\u{00A0}", "’"]
        var pieces = (words + separators).map { Array($0.utf8) }
        // Ill-formed UTF-8: a stray byte, a lone continuation, a truncated sequence, a surrogate, an overlong form.
        pieces += [[0xFF], [0x80], [0xC3], [0xE6, 0x97], [0xED, 0xA0, 0x80], [0xC0, 0xAF]]
        for byte in UInt8(0x20)...UInt8(0x7E) { pieces.append([byte]) }
        return pieces
    }()

    static let analyzers: [Analyzer] = [
        simple, english, englishUnstemmed,
        custom(caseFolding: true, stem: true, maxTokenLength: 5),
        custom(foldDiacritics: true, maxTokenLength: 3),
    ]

    @Test(arguments: analyzers.indices)
    func fastPathsMatchTheGeneralPath(analyzer: Int) {
        let analyzer = Self.analyzers[analyzer]
        var random = SeededGenerator(seed: 0xFA57 &+ UInt64(analyzer.settings.maxTokenLength))
        for _ in 0..<1500 {
            var text: [UInt8] = []
            for _ in 0..<Int.random(in: 0...60, using: &random) {
                text += Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &random)]
            }
            var tokens: [Token] = []
            text.withUnsafeBytes { bytes in
                analyzer.analyze(bytes) { term, position, range in tokens.append((Array(term), position, range)) }
            }
            let expected = Self.general(text, analyzer.settings)
            let same = tokens.count == expected.count && zip(tokens, expected).allSatisfy {
                $0.term == $1.term && $0.position == $1.position && $0.range == $1.range
            }
            #expect(same, "\(text)")
        }
    }

    /// The analysis of `text` one scalar at a time: every character (ASCII too) classified by its
    /// traits and normalized by the ``ScalarNormalizer``, every term stemmed by the UTF-8 stemmer.
    static func general(_ text: [UInt8], _ settings: AnalyzerSettings) -> [Token] {
        let normalizer = ScalarNormalizer(caseFolding: settings.caseFolding, foldDiacritics: settings.foldDiacritics)
        let limit = min(max(settings.maxTokenLength, 0), 65_536)
        var tokens: [Token] = []
        var position: UInt32 = 0
        text.withUnsafeBytes { raw in
            let base = raw.baseAddress!
            func scalar(at index: Int) -> (Unicode.Scalar?, Int) {
                raw[index] < 0x80 ? (Unicode.Scalar(raw[index]), 1) : UTF8Scalar.decode(base, at: index, end: raw.count)
            }
            func isTokenCharacter(_ scalar: Unicode.Scalar?) -> Bool {
                scalar.map { ScalarTraits.of($0).contains(.alphanumeric) } ?? false
            }
            var index = 0
            while index < raw.count {
                let (first, length) = scalar(at: index)
                guard isTokenCharacter(first) else {
                    index += length
                    continue
                }
                let start = index
                var term: [UInt8] = []
                while index < raw.count {
                    let (next, length) = scalar(at: index)
                    guard let next, isTokenCharacter(next) else { break }
                    normalizer.normalize(next) { term += Array(String($0).utf8) }
                    index += length
                }
                defer { position += 1 }
                guard !term.isEmpty, term.count <= limit else { continue }
                if settings.stopWords, term.withUnsafeBufferPointer({ EnglishStopWords.set.contains($0.baseAddress!, count: $0.count) }) {
                    continue
                }
                if settings.stem {
                    let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * term.count + 16)
                    defer { scratch.deallocate() }
                    let stemmed = term.withUnsafeMutableBufferPointer { Porter2.stemUTF8($0.baseAddress!, count: $0.count, scratch: scratch) }
                    term.removeSubrange(stemmed...)
                }
                tokens.append((term, position, start..<index))
            }
        }
        return tokens
    }
}
