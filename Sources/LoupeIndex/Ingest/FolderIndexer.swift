import Foundation
import LoupeExtract

/// Brings an index in step with folders on disk: new files are added, changed files re-indexed,
/// and files that disappeared removed. Unchanged files are recognised by size and mtime without
/// being read, or by content hash when only the mtime moved.
///
/// Every regular file found is a document (see ``FileSynchronizer``); what could not be read is
/// recorded in the problem ledger, and a file left there is retried when it changes, when its
/// extractor's version changes, or when the helper program it missed appears. Symbolic links are
/// followed only with ``IndexingOptions/followSymlinks``, and each real file is indexed once,
/// under the first path that reaches it (see ``FolderWalker``). Files are extracted on several
/// threads and written in walk order.
///
/// A document's id is its path relative to its root (with several roots, prefixed by the root's
/// folder name so ids stay unique; see ``FolderRoots``). Removal only touches documents and
/// ledger entries that came from these roots.
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
        var knownProblems: [String: FileProblem] = [:]
        do {
            let reader = try index.reader()
            try reader.forEachLiveDocument { _, record, _ in
                if folders.owns(source: record.source) { known[record.id] = IndexedFile(record) }
            }
            for problem in try reader.problems() where folders.owns(source: problem.path) { knownProblems[problem.path] = problem }
        }

        var files: [WalkedFile] = []
        var walkProblems: [FileProblem] = []
        FolderWalker(roots: folders.paths, options: options.walkerOptions).walk { entry in
            switch entry {
            case .file(let file): files.append(file)
            case .skipped(let skipped):
                report.skipped.append((skipped.path, skipped.reason.description))
                walkProblems.append(FileProblem(
                    path: skipped.path, id: folders.id(rootPath: folders.root(of: skipped.path), relativePath: skipped.relativePath),
                    reason: skipped.reason.description, extractor: FileProblem.walkExtractor, extractorVersion: 0))
            case .link: report.linksLeftAlone += 1
            case .duplicate: report.duplicatePaths += 1
            }
        }

        let writer = try IndexWriter(index: index, memoryBudget: options.memoryBudget)
        var synchronizer = FileSynchronizer(writer: writer, options: options, trustMetadata: true)
        var seen = Set<String>()
        for (i, file) in files.enumerated() {
            if i % 256 == 0 { progress(IndexingProgress(done: i, total: files.count, bytes: report.bytes)) }
            let id = folders.id(rootPath: file.root, relativePath: file.relativePath)
            guard seen.insert(id).inserted else {
                report.skipped.append((file.path, "duplicate id \(id)"))
                continue
            }
            let previous = known.documents(ofFile: id, at: file.path)
            for document in previous { seen.insert(document.id) }
            try synchronizer.sync(FileTask(file: file, id: id, previous: previous, problem: knownProblems[file.path]), report: &report)
        }
        try synchronizer.flush(report: &report)
        for id in known.keys where !seen.contains(id) {
            writer.delete(id: id)
            report.removed += 1
        }
        synchronizer.settleProblems(walkProblems: walkProblems, known: knownProblems, report: &report)
        progress(IndexingProgress(done: files.count, total: files.count, bytes: report.bytes))
        report.absorb(try writer.commit())
        try report.compactIfDue(index, options)
        report.seconds = Date().timeIntervalSince(started)
        return report
    }
}
