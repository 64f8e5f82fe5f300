import Foundation
@_spi(Benchmarks) import LoupeIndex

/// 20,000 generated documents in four groups of 5,000 (the ``InversionFixture``'s documents, each
/// group with ids of its own), for timing a bulk load's commit: four flushed runs merged into one
/// commit, against the same documents committed at once from memory.
final class SpillFixture: @unchecked Sendable {
    let groups: [[DocumentInput]]
    private let root: URL
    private var builds = 0

    init() {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("loupe-micro-spill-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        let batch = inversionFixture.batch
        groups = (0..<4).map { g in
            batch.map { DocumentInput(id: "g\(g)-" + $0.id, title: $0.title, text: $0.text) }
        }
    }

    /// Adds the four groups to a new index and commits: with `flushing`, each group is flushed to
    /// the spill files (a budget below one group) and the commit merges the four runs; without,
    /// the four groups stay in memory and are committed together. Returns the postings committed.
    func load(flushing: Bool) throws -> Int {
        builds += 1
        let path = root.appendingPathComponent("\(builds)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let index = try Index.openOrCreate(at: path, analyzer: .preset(.simple))
        let writer = flushing
            ? try IndexWriter(index: index, memoryBudget: 1 << 20, workers: 2, spillLimit: 1 << 40)
            : try IndexWriter(index: index, memoryBudget: 1 << 40, workers: 2)
        for group in groups { try writer.add(contentsOf: group) }
        return try writer.commit().postings
    }

    /// Writers on new indexes holding the four groups uncommitted: in memory, and flushed as four
    /// runs. Their indexes are removed with the fixture's directory.
    private(set) lazy var writerInMemory = try! pendingWriter(flushed: false)
    private(set) lazy var writerFlushed = try! pendingWriter(flushed: true)

    private func pendingWriter(flushed: Bool) throws -> IndexWriter {
        builds += 1
        let index = try Index.openOrCreate(at: root.appendingPathComponent("\(builds)").path, analyzer: .preset(.simple))
        let writer = try IndexWriter(index: index, memoryBudget: flushed ? 1 << 20 : 1 << 40, workers: 2, spillLimit: 1 << 40)
        for group in groups { try writer.add(contentsOf: group) }
        return writer
    }

    func removeDirectory() { try? FileManager.default.removeItem(at: root) }
}

/// Built on first use, in the setup of the benchmark, so its time is not measured.
let spillFixture = SpillFixture()
