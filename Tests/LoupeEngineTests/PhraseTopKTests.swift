import Foundation
import LoupeIndex
import LoupeQuery
import LoupeTestSupport
import Testing
@testable import LoupeEngine

/// Top-k phrase retrieval (block-max skipping and the per-candidate bound) must return exactly
/// what scoring every match returns, and phrase counts must not depend on which word's positions
/// are read first. Both score with the same one-byte length codes (`FieldNorm`); the skipping
/// bounds encode the impacts' exact lengths the same way.
@Suite struct PhraseTopKTests {
    @Test(arguments: [UInt64(1), 2])
    func phraseTopKEqualsExhaustiveScoring(seed: UInt64) throws {
        let (_, index) = try RetrievalAlgorithmTests.corpus(seed: seed)
        let searcher = Searcher(reader: try index.reader())
        var rng = SeededGenerator(seed: seed &* 17)
        var options = SearchOptions()
        options.fields = [.body: 1]
        var nonEmpty = 0
        for _ in 0..<150 {
            let count = Int.random(in: 2...4, using: &rng)
            // Frequent words, so phrases match in many documents across many blocks.
            let words = (0..<count).map { _ in "w\(Int(pow(Double.random(in: 0..<1, using: &rng), 2) * 12))" }
            let slop = [0, 0, 0, 1, 3].randomElement(using: &rng)!
            let node = QueryNode.phrase(words: words, slop: slop, field: .body, boost: 1)
            let k = [1, 3, 10, 50].randomElement(using: &rng)!
            options.algorithm = .exhaustive
            let reference = try searcher.topDocs(node, k: k, options: options)
            let total = try searcher.count(node, options: options)
            if !reference.isEmpty { nonEmpty += 1 }
            for algorithm in RetrievalAlgorithm.allCases where algorithm != .exhaustive {
                options.algorithm = algorithm
                let got = try searcher.topDocs(node, k: k, options: options)
                #expect(got.map(\.doc) == reference.map(\.doc), "\(algorithm) \(node) k=\(k) seed \(seed)")
                for (a, b) in zip(got, reference) { #expect(abs(a.score - b.score) < 1e-9) }
                #expect(try searcher.count(node, options: options) == total)
            }
        }
        #expect(nonEmpty > 50, "the phrases should mostly match (\(nonEmpty) of 150 did)")
    }

    /// The exact check reads words fewest occurrences first and stops at the first that leaves
    /// no alignment; a word repeated in the phrase, and a phrase whose frequent word is in the
    /// middle, must still count every aligned position.
    @Test func exactPhraseCountsEveryAlignment() throws {
        let dir = TemporaryDirectory("phrase-order")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        let writer = try IndexWriter(index: index)
        let texts = [
            "a x a x a x b",          // "x a x" twice (overlapping), "a x b" once
            "x a x a x",              // "x a x" twice, "a x a" twice
            "b a x a x a x",          // "a x a" twice
            "a b x a",                // none of the three-word phrases
        ]
        for (i, text) in texts.enumerated() { try writer.add(DocumentInput(id: "d\(i)", title: "", text: text)) }
        try writer.commit()
        let searcher = Searcher(reader: try index.reader())
        var options = SearchOptions()
        options.fields = [.body: 1]
        func docs(_ words: [String]) throws -> Set<UInt32> {
            Set(try searcher.topDocs(.phrase(words: words, slop: 0, field: .body, boost: 1), k: 10, options: options).map(\.doc))
        }
        #expect(try docs(["x", "a", "x"]) == [0, 1, 2])
        #expect(try docs(["a", "x", "a"]) == [0, 1, 2])
        #expect(try docs(["a", "x", "b"]) == [0])
        #expect(try docs(["b", "x"]) == [3])
        // Each document has two alignments: the shortest (1) ranks first, and 0 and 2, of equal
        // length, tie and keep doc-id order. One alignment counted less would break the tie.
        let hits = try searcher.topDocs(.phrase(words: ["x", "a", "x"], slop: 0, field: .body, boost: 1), k: 10, options: options)
        #expect(hits.map(\.doc) == [1, 0, 2])
    }
}
