import Foundation
import LoupeAnalysis
import LoupeEngine
import LoupeIndex
import LoupeQuery

/// A real index of 50,000 generated documents in a temporary directory, built once per benchmark
/// process (package-benchmark runs each benchmark in a process of its own) and removed at teardown.
///
/// Documents are 40-160 words drawn from a 20,000-word vocabulary with Zipf frequencies
/// (P(rank r) ∝ 1/r), so the most frequent words are in nearly every document and the rare ones in
/// a handful. Words are made-up syllable strings ("ka", "lo", ...) and the index uses the `simple`
/// analyzer, so every word is its own term.
final class SearchFixture: @unchecked Sendable {
    static let documents = 50_000
    static let vocabulary = 20_000

    /// The word of frequency rank `rank` (1 is the most frequent).
    static func word(_ rank: Int) -> String {
        let syllables = ["ka", "lo", "mi", "nu", "pe", "ra", "si", "to", "vu", "ze", "bo", "da", "fi", "gu", "he", "jo", "ke", "li", "ma", "ne"]
        var n = rank - 1
        var word = ""
        repeat {
            word = syllables[n % syllables.count] + word
            n /= syllables.count
        } while n > 0
        return word.count < 4 ? "x" + word : word
    }

    private static func term(_ rank: Int) -> QueryNode { .term(text: word(rank), field: .body, boost: 1) }

    private static func boolean(_ occur: Occur, _ ranks: [Int]) -> QueryNode {
        .boolean(clauses: ranks.map { QueryClause(occur: occur, node: term($0)) }, boost: 1)
    }

    /// A frequent single term: TermTopKRunner.
    static let termQuery = term(10)
    /// Two frequent terms, both required: BlockMaxConjunctionRunner.
    static let andQuery = boolean(.must, [4, 12])
    /// Three terms of very different frequencies, any of them: MaxScoreRunner.
    static let orQuery = boolean(.should, [6, 30, 200])
    /// Two frequent words next to each other: a conjunction whose candidates go through the phrase check.
    static let phraseQuery = QueryNode.phrase(words: [word(5), word(8)], slop: 0, field: .body, boost: 1)
    /// Four required terms, from the most frequent word to a rare one: the rare one leads, and the
    /// others advance within dense blocks (galloping search in the decoded block).
    static let longAndQuery = boolean(.must, [1, 3, 40, 300])
    /// Two rare terms of similar frequency and two of the most frequent ones: the rare follower is
    /// aligned with the lead before the block-max bound, which is then computed only where both
    /// agree and skips the frequent terms' short blocks.
    static let rareDenseAndQuery = boolean(.must, [1, 2, 150, 200])
    /// The two most frequent words, both required: nearly every document is a candidate, so the
    /// time goes to scoring (a length code and a table load per posting) and advancing.
    static let frequentAndQuery = boolean(.must, [1, 2])
    /// Three of the most frequent words, all required: no rare leaf leads, nearly every block of
    /// every leaf is decoded and most candidates are advanced to within a block (the shape of the
    /// bench's slowest ANDs, such as "the book of life").
    static let threeFrequentAndQuery = boolean(.must, [2, 3, 5])
    /// A lead in about 3 % of the documents, a follower five times as frequent and the most
    /// frequent word: no follower is rare, so the bound is taken per window of the lead's block
    /// cut at eight blocks of the dense ones, and the lead scores its survivors in place (the
    /// shape of the bench's AND tail, such as "being the want").
    static let sparseLeadAndQuery = boolean(.must, [1, 60, 300])
    /// Three words with the most frequent one in the middle: candidates hold all three, the
    /// frequent word's positions matter only where the other two align, and block-max skipping
    /// passes over blocks that cannot beat the top 10.
    static let longPhraseQuery = QueryNode.phrase(words: [word(6), word(1), word(2)], slop: 0, field: .body, boost: 1)

    let directory: URL
    let reader: IndexReader
    let searcher: Searcher
    /// Block-max MaxScore (the default algorithm); `countTotal` only matters to `search`, not to
    /// the `topDocs` and `count` calls benchmarked here.
    let options = SearchOptions()

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("loupe-micro-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let index = try Index.openOrCreate(at: directory.path, analyzer: .preset(.simple))
        let writer = try IndexWriter(index: index)
        let zipf = ZipfSampler(n: Self.vocabulary, s: 1)
        let words = (1...Self.vocabulary).map(Self.word)
        var rng = SplitMix64(seed: 0x5EA2C4)
        var batch: [DocumentInput] = []
        for doc in 0..<Self.documents {
            let length = 40 + Int(rng.next() % 121)
            var text = ""
            text.reserveCapacity(length * 8)
            for i in 0..<length {
                if i > 0 { text += " " }
                text += words[zipf.sample(&rng)]
            }
            batch.append(DocumentInput(id: "doc\(doc)", title: "", text: text))
            if batch.count == 5_000 {
                try writer.add(contentsOf: batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try writer.add(contentsOf: batch)
        try writer.commit()
        reader = try index.reader()
        searcher = Searcher(reader: reader)
    }

    /// The document frequency of the word of rank `rank`.
    func docFreq(_ rank: Int) throws -> Int { Int(try reader.termInfo(.body, Self.word(rank))?.docFreq ?? 0) }

    func removeDirectory() { try? FileManager.default.removeItem(at: directory) }
}

/// Built on first use: in the setup of the benchmarks that need it, so its time is not measured.
let searchFixture: SearchFixture = {
    do {
        return try SearchFixture()
    } catch {
        fatalError("cannot build the benchmark index: \(error)")
    }
}()
