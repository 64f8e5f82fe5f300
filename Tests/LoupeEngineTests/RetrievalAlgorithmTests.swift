import Foundation
import LoupeIndex
import LoupeQuery
import LoupeTestSupport
import Testing
@testable import LoupeEngine

/// Every retrieval algorithm must return exactly what exhaustive scoring returns: the same ids
/// in the same order (ties broken by lower doc id), scores within 1e-5. The reference scores
/// every match with the same one-byte length codes (`FieldNorm`) as the pruning algorithms, whose
/// bounds come from the impacts' exact lengths encoded the same way; the corpus's bodies run to
/// 120 tokens, well past the exact codes (below 40), so those bounds are tested on rounded lengths.
@Suite struct RetrievalAlgorithmTests {
    /// A few thousand documents over a Zipf-like vocabulary, so that postings span many blocks
    /// and several chunks (three commits), with some deletions.
    static func corpus(seed: UInt64) throws -> (TemporaryDirectory, Index) {
        let dir = TemporaryDirectory("algorithms")
        var rng = SeededGenerator(seed: seed)
        let vocabulary = (0..<60).map { "w\($0)" }
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        let writer = try IndexWriter(index: index)
        for batch in 0..<3 {
            for i in 0..<1200 {
                let length = Int.random(in: 1...(Bool.random(using: &rng) ? 8 : 120), using: &rng)
                let words = (0..<length).map { _ in
                    // Zipf-ish: low indices are frequent.
                    let r = Double.random(in: 0..<1, using: &rng)
                    return vocabulary[min(vocabulary.count - 1, Int(pow(r, 3) * Double(vocabulary.count)))]
                }
                try writer.add(DocumentInput(id: "d\(batch)-\(i)", title: "", text: words.joined(separator: " ")))
            }
            try writer.commit()
        }
        for i in stride(from: 0, to: 1200, by: 7) { writer.delete(id: "d1-\(i)") }
        try writer.commit()
        return (dir, index)
    }

    @Test(arguments: [UInt64(1), 2])
    func allAlgorithmsAgreeWithExhaustiveScoring(seed: UInt64) throws {
        let (_, index) = try Self.corpus(seed: seed)
        let searcher = Searcher(reader: try index.reader())
        var rng = SeededGenerator(seed: seed &* 31)
        var options = SearchOptions()
        options.fields = [.body: 1]
        for _ in 0..<120 {
            let count = Int.random(in: 1...4, using: &rng)
            let words = (0..<count).map { _ in "w\(Int(pow(Double.random(in: 0..<1, using: &rng), 2) * 60))" }
            let occur: Occur = Bool.random(using: &rng) ? .should : .must
            let node: QueryNode = count == 1
                ? .term(text: words[0], field: .body, boost: 1)
                : .boolean(clauses: words.map { QueryClause(occur: occur, node: .term(text: $0, field: .body, boost: 1)) }, boost: 1)
            let k = [1, 5, 10, 50].randomElement(using: &rng)!
            options.algorithm = .exhaustive
            let reference = try searcher.topDocs(node, k: k, options: options)
            for algorithm in RetrievalAlgorithm.allCases where algorithm != .exhaustive {
                options.algorithm = algorithm
                let got = try searcher.topDocs(node, k: k, options: options)
                #expect(got.map(\.doc) == reference.map(\.doc), "\(algorithm) \(node) k=\(k) seed \(seed)")
                for (a, b) in zip(got, reference) { #expect(abs(a.score - b.score) < 1e-5) }
            }
            // The same holds over title and body together (BM25F leaves).
            var both = options
            both.fields = [.body: 1, .title: 2]
            both.algorithm = .exhaustive
            let bm25f = try searcher.topDocs(node.withoutField, k: k, options: both)
            both.algorithm = .maxscore
            #expect(try searcher.topDocs(node.withoutField, k: k, options: both).map(\.doc) == bm25f.map(\.doc))
        }
    }

    @Test func searchTotalsAreExactWhateverTheAlgorithm() throws {
        let (_, index) = try Self.corpus(seed: 3)
        let searcher = Searcher(reader: try index.reader())
        for algorithm in RetrievalAlgorithm.allCases {
            var options = SearchOptions()
            options.algorithm = algorithm
            let results = try searcher.search("w0 w5", options: options)
            #expect(results.total == (try searcher.count(try searcher.parse("w0 w5", options: options))))
        }
    }
}

extension QueryNode {
    /// The same query searched in the default fields.
    var withoutField: QueryNode {
        switch self {
        case .term(let text, _, let boost): .term(text: text, field: nil, boost: boost)
        case .boolean(let clauses, let boost):
            .boolean(clauses: clauses.map { QueryClause(occur: $0.occur, node: $0.node.withoutField) }, boost: boost)
        default: self
        }
    }
}
