import Foundation
import LoupeExtract

/// Brings an index in step with folders on disk: new files are added, changed files re-indexed,
/// and files that disappeared removed. Unchanged files are recognised by size and mtime without
/// being read, or by content hash when only the mtime moved.
///
/// A document's id is its path relative to its root (with several roots, prefixed by the root's
/// folder name so ids stay unique; see ``FolderRoots``). Removal only touches documents that came
/// from these roots.
public struct FolderIndexer {
    public let index: Index
    public let options: IndexingOptions

    public init(index: Index, options: IndexingOptions = IndexingOptions()) {
        self.index = index
        self.options = options
    }

    /// Indexes `roots` and commits. `progress` is called now and then from this thread.
    public func run(roots: [String], progress: (IndexingProgress) -> Void = { _ in }) throws -> IndexingReport {
        let started = Date()
        var report = IndexingReport()
        let folders = FolderRoots(roots)

        var known: [String: IndexedFile] = [:]
        do {
            let reader = try index.reader()
            try reader.forEachLiveDocument { _, record, _ in
                if folders.owns(source: record.source) { known[record.id] = IndexedFile(record) }
            }
        }

        var files: [WalkedFile] = []
        let walker = FolderWalker(
            roots: folders.paths, options: FolderWalker.Options(maxFileSize: options.maxFileSize, includeHidden: options.includeHidden))
        walker.walk { entry in
            switch entry {
            case .file(let file): files.append(file)
            case .skipped(let skipped): report.skipped.append((skipped.path, skipped.reason.description))
            }
        }

        let writer = try IndexWriter(index: index, memoryBudget: options.memoryBudget)
        var seen = Set<String>()
        for (i, file) in files.enumerated() {
            if i % 256 == 0 { progress(IndexingProgress(done: i, total: files.count, bytes: report.bytes)) }
            let id = folders.id(rootPath: file.root, relativePath: file.relativePath)
            guard seen.insert(id).inserted else {
                report.skipped.append((file.path, "duplicate id \(id)"))
                continue
            }
            try writer.sync(file: file, id: id, previous: known[id], trustMetadata: true, options: options, report: &report)
        }
        for id in known.keys where !seen.contains(id) {
            writer.delete(id: id)
            report.removed += 1
        }
        progress(IndexingProgress(done: files.count, total: files.count, bytes: report.bytes))
        report.absorb(try writer.commit())
        try report.compactIfDue(index, options)
        report.seconds = Date().timeIntervalSince(started)
        return report
    }
}
