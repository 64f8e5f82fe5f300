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
    public func run(path: String, progress: (IndexingProgress) -> Void = { _ in }) throws -> IndexingReport {
        let started = Date()
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
        let writer = try IndexWriter(index: index, memoryBudget: options.memoryBudget, spillLimit: options.spillLimit)
        var seen = Set<String>()
        var lines = 0
        // Documents go to the writer in groups, which it analyzes on several threads.
        var group: [DocumentInput] = []
        func flush() throws {
            if let commit = try writer.add(contentsOf: group) { report.absorb(commit) }
            group.removeAll(keepingCapacity: true)
        }
        try JSONLinesReader(path: absolute).forEach { result in
            lines += 1
            if lines % 1024 == 0 { progress(IndexingProgress(done: report.bytes, total: fileSize, bytes: report.bytes)) }
            switch result {
            case .failure(let error):
                report.skipped.append(("\(absolute):\(error.line)", error.description))
            case .success(let line):
                report.bytes += line.text.utf8.count + line.title.utf8.count + line.id.utf8.count + 32
                let document = DocumentInput(id: line.id, title: line.title, text: line.text, source: source)
                let firstTime = seen.insert(line.id).inserted
                if firstTime, let hash = known[line.id], hash == document.contentHash {
                    report.unchanged += 1
                    return
                }
                if known[line.id] != nil || !firstTime { report.updated += 1 } else { report.added += 1 }
                group.append(document)
                if group.count == 2048 { try flush() }
            }
        }
        try flush()
        for id in known.keys where !seen.contains(id) {
            writer.delete(id: id)
            report.removed += 1
        }
        progress(IndexingProgress(done: fileSize, total: fileSize, bytes: report.bytes))
        report.absorb(try writer.commit())
        try report.compactIfDue(index, options)
        report.seconds = Date().timeIntervalSince(started)
        return report
    }
}
