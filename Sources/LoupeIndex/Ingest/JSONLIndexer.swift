import Foundation
import LoupeExtract

/// Indexes a JSON-lines file of `{"id", "title", "text"}` objects.
///
/// A malformed line is reported in ``IndexingReport/skipped`` with its line number and skipped;
/// every other line is indexed. Re-running on the same file re-indexes only the documents whose
/// title or text changed, and removes the documents that came from this file but are no longer
/// in it. A later line with an id seen earlier in the file replaces the earlier one.
public struct JSONLIndexer {
    public let index: Index
    public let options: IndexingOptions

    public init(index: Index, options: IndexingOptions = IndexingOptions()) {
        self.index = index
        self.options = options
    }

    /// Indexes `path` and commits. `progress` is called now and then from this thread.
    ///
    /// The load's flushes spill only its postings (``IndexWriter/fallbackSpill`` off): their
    /// documents go into the index ahead of the commit (``DocumentStaging``). If another writer
    /// takes doc ids or compacts meanwhile, those documents are lost to the load, which then starts
    /// again from the top of the file with a writer that also spills them, and so finishes
    /// whatever other writers do. (`progress` starts again from 0 then.)
    public func run(path: String, progress: (IndexingProgress) -> Void = { _ in }) throws -> IndexingReport {
        let started = Date()
        var report: IndexingReport
        do {
            report = try load(path: path, fallbackSpill: false, progress: progress)
        } catch is StageLost {
            report = try load(path: path, fallbackSpill: true, progress: progress)
        }
        try report.compactIfDue(index, options)
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// One load of `path`, committed (compaction aside).
    private func load(path: String, fallbackSpill: Bool, progress: (IndexingProgress) -> Void) throws -> IndexingReport {
        var report = IndexingReport()
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let source = "jsonl:" + absolute
        let fileSize = (try? FileManager.default.attributesOfItem(atPath: absolute)[.size] as? Int) ?? 0

        var known: [String: UInt64] = [:]
        do {
            let reader = try index.reader()
            if reader.statistics.liveDocs > 0 {
                try reader.forEachLiveDocument { _, record, _ in
                    if record.source == source { known[record.id] = record.contentHash }
                }
            }
        }

        // A JSON-lines load is one bulk write: batches are flushed and merged into one commit.
        let writer = try IndexWriter(
            index: index, memoryBudget: options.memoryBudget, workers: nil, spillLimit: options.spillLimit, fallbackSpill: fallbackSpill)
        // Lines are read and parsed on a thread of their own, a few groups ahead of the writer,
        // which analyzes each group on several threads.
        let queue = BoundedQueue<JSONLGroup>(capacity: Self.groupsAhead)
        let reader = JSONLGroupReader(
            path: absolute, source: source, known: known, groupDocuments: Self.groupDocuments,
            groupBytes: min(Self.groupBytes, max(options.memoryBudget / 16, 1)), groupLines: Self.groupLines)
        let thread = Thread { reader.run(into: queue) }
        thread.start()
        defer {
            queue.cancel()
            queue.waitUntilFinished()
        }
        var gone: [String] = []
        while let group = queue.take() {
            report.skipped += group.skipped
            report.added += group.added
            report.updated += group.updated
            report.unchanged += group.unchanged
            report.bytes += group.bytes
            if let failure = group.failure { throw failure }
            if let commit = try writer.add(contentsOf: group.documents) { report.absorb(commit) }
            if let last = group.gone { gone = last }
            progress(IndexingProgress(done: min(report.bytes, fileSize), total: fileSize, bytes: report.bytes))
        }
        for id in gone {
            writer.delete(id: id)
            report.removed += 1
        }
        progress(IndexingProgress(done: fileSize, total: fileSize, bytes: report.bytes))
        report.absorb(try writer.commit())
        return report
    }

    /// Groups the reading thread may be ahead of the writer.
    private static let groupsAhead = 4
    /// Documents and bytes of text per group given to the writer, as ``FileSynchronizer`` groups
    /// them (a group also stays under a sixteenth of the memory budget, so that the writer commits
    /// about as soon as the budget fills), and lines after which a group is handed over anyway.
    private static let groupDocuments = 2048, groupBytes = 64 << 20, groupLines = 8192
}
