import Foundation
import LoupeEngine
import LoupeIndex
import LoupeTestSupport
import Testing

/// The memory budget decides only when the writer commits, never what the index answers: the same
/// documents indexed with a tiny budget (a commit every few documents, many chunks per term) and
/// with a big one (one commit) give the same hits, scores and totals, on real LMDB files.
@Suite struct MemoryBudgetEquivalenceTests {
    static let vocabulary = (0..<400).map { "w\($0)" } + ["alpha", "beta", "gamma", "delta"]

    /// Documents of skewed random words (a few very common, most rare), so that some terms pass a
    /// postings block (128 documents) in one commit and others stay inlined.
    static func documents(seed: UInt64, count: Int) -> [DocumentInput] {
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { i in
            let length = Int.random(in: 1...60, using: &random)
            let words = (0..<length).map { _ in
                let r = Double.random(in: 0..<1, using: &random)
                return vocabulary[Int(r * r * r * Double(vocabulary.count))]
            }
            // A few documents replace an earlier one: replacements must work across commits too.
            let id = i % 97 == 96 ? "doc\(i / 2)" : "doc\(i)"
            return DocumentInput(id: id, title: words.prefix(3).joined(separator: " "), text: words.joined(separator: " "))
        }
    }

    func build(_ dir: TemporaryDirectory, _ name: String, budget: Int, groups: Int, _ documents: [DocumentInput]) throws -> (Index, Int) {
        let index = try Index.openOrCreate(at: dir.path + "/" + name, analyzer: .preset(.simple))
        let writer = try IndexWriter(index: index, memoryBudget: budget, workers: 2)
        var commits = 0
        let per = (documents.count + groups - 1) / groups
        for start in stride(from: 0, to: documents.count, by: per) {
            if try writer.add(contentsOf: Array(documents[start..<min(documents.count, start + per)])) != nil { commits += 1 }
        }
        try writer.commit()
        return (index, commits + 1)
    }

    @Test func aTinyBudgetAnswersLikeABigOne() throws {
        let dir = TemporaryDirectory("budget")
        let documents = Self.documents(seed: 13, count: 3000)
        // 16 KiB: the writer commits after nearly every group of 40 documents.
        let (small, smallCommits) = try build(dir, "small", budget: 16 << 10, groups: 75, documents)
        let (big, bigCommits) = try build(dir, "big", budget: 1 << 30, groups: 75, documents)
        #expect(smallCommits > 50)
        #expect(bigCommits == 1)
        let a = Searcher(reader: try small.reader()), b = Searcher(reader: try big.reader())
        #expect(a.reader.statistics.liveDocs == b.reader.statistics.liveDocs)
        let queries = ["alpha", "w0", "w1 w2", "+w0 +w3", "w5 OR w7 OR beta", "\"w0 w1\"", "\"w0 w0\"",
                       "title:w0", "+alpha -w0", "w390", "gamma delta"]
        for query in queries {
            var options = SearchOptions()
            options.limit = 50
            let x = try a.search(query, options: options), y = try b.search(query, options: options)
            #expect(x.total == y.total, "\(query)")
            #expect(x.hits.map(\.id) == y.hits.map(\.id), "\(query)")
            #expect(zip(x.hits, y.hits).allSatisfy { abs($0.score - $1.score) < 1e-9 }, "\(query)")
        }
        for word in ["alpha", "w0", "w399"] {
            #expect(try a.reader.termInfo(.body, word)?.docFreq == b.reader.termInfo(.body, word)?.docFreq)
        }
    }

    @Test func theBudgetCountsWhatTheBatchHolds() throws {
        let dir = TemporaryDirectory("budget")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        let writer = try IndexWriter(index: index, memoryBudget: 1 << 40, workers: 1)
        let before = writer.pendingBytes
        let text = String(repeating: "lorem ipsum dolor ", count: 1000)
        for i in 0..<200 { try writer.add(DocumentInput(id: "d\(i)", title: "", text: text + "unique\(i)")) }
        // The texts alone are 3.6 MB: the pending bytes count them, and their commit's share.
        #expect(writer.pendingBytes - before > 200 * text.utf8.count)
        try writer.commit()
        #expect(writer.pendingDocuments == 0)
    }
}
