import Foundation
import LoupeAnalysis
import LoupeIndex

/// 5,000 generated documents (the ``SearchFixture``'s words and lengths: 40-160 Zipf words, from
/// its 20,000-word vocabulary or a larger one) and a writer on an empty index in a temporary
/// directory, for timing the in-memory half of indexing: analysis and inversion into the workers'
/// postings pools. With a vocabulary of 1,000,000 words most tokens of the batch are new or rare
/// terms, as in a large bulk load whose dictionary outgrows the caches: the term interner's
/// lookups dominate.
final class InversionFixture: @unchecked Sendable {
    static let documents = 5_000

    let directory: URL
    let writer: IndexWriter
    let batch: [DocumentInput]
    /// Tokens in `batch` (the benchmark's throughput unit is the iteration; this is for the record).
    let tokens: Int

    init(vocabulary: Int) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("loupe-micro-invert-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let index = try Index.openOrCreate(at: directory.path, analyzer: .preset(.simple))
        // One worker: the figure is per thread, whatever the machine's cores.
        writer = try IndexWriter(index: index, memoryBudget: 1 << 40, workers: 1)
        let zipf = ZipfSampler(n: vocabulary, s: 1)
        let words = (1...vocabulary).map(SearchFixture.word)
        var rng = SplitMix64(seed: 0x1A7E55)
        var documents: [DocumentInput] = []
        var tokens = 0
        for doc in 0..<Self.documents {
            let length = 40 + Int(rng.next() % 121)
            tokens += length
            let text = (0..<length).map { _ in words[zipf.sample(&rng)] }.joined(separator: " ")
            documents.append(DocumentInput(id: "doc\(doc)", title: "", text: text))
        }
        batch = documents
        self.tokens = tokens
    }

    /// Analyzes and inverts the batch, then drops it (no commit, nothing written).
    func invertAndDrop() throws -> Int {
        try writer.add(contentsOf: batch)
        let bytes = writer.pendingBytes
        writer.rollback()
        return bytes
    }

    func removeDirectory() { try? FileManager.default.removeItem(at: directory) }
}

/// Built on first use, in the setup of the benchmark, so its time is not measured.
let inversionFixture = makeInversionFixture(vocabulary: SearchFixture.vocabulary)
/// The same with a 1,000,000-word vocabulary.
let largeVocabularyInversionFixture = makeInversionFixture(vocabulary: 1_000_000)

private func makeInversionFixture(vocabulary: Int) -> InversionFixture {
    do {
        return try InversionFixture(vocabulary: vocabulary)
    } catch {
        fatalError("cannot build the inversion fixture: \(error)")
    }
}
