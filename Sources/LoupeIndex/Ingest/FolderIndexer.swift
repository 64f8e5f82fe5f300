import Foundation
import LoupeExtract

/// Brings an index in step with folders on disk: new files are added, changed files re-indexed,
/// and files that disappeared removed. Unchanged files are recognised by size and mtime without
/// being read, or by content hash when only the mtime moved.
///
/// A document's id is its path relative to its root (with several roots, prefixed by the root's
/// folder name so ids stay unique). Removal only touches documents that came from these roots.
public struct FolderIndexer {
    public let index: Index
    public let options: IndexingOptions

    public init(index: Index, options: IndexingOptions = IndexingOptions()) {
        self.index = index
        self.options = options
    }

    private struct Known {
        var size: UInt64
        var mtime: Int64
        var hash: UInt64
        var source: String
    }

    /// Indexes `roots` and commits. `progress` is called now and then from this thread.
    public func run(roots: [String], progress: (IndexingProgress) -> Void = { _ in }) throws -> IndexingReport {
        let started = Date()
        var report = IndexingReport()
        let absoluteRoots = roots.map { URL(fileURLWithPath: $0).standardizedFileURL.path }

        var known: [String: Known] = [:]
        do {
            let reader = try index.reader()
            try reader.forEachLiveDocument { _, record, _ in
                if absoluteRoots.contains(where: { record.source.hasPrefix($0) }) {
                    known[record.id] = Known(size: record.size, mtime: record.mtimeNanoseconds, hash: record.contentHash, source: record.source)
                }
            }
        }

        var files: [WalkedFile] = []
        let walker = FolderWalker(
            roots: absoluteRoots, options: FolderWalker.Options(maxFileSize: options.maxFileSize, includeHidden: options.includeHidden))
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
            let id = absoluteRoots.count > 1 ? (file.root as NSString).lastPathComponent + "/" + file.relativePath : file.relativePath
            guard seen.insert(id).inserted else {
                report.skipped.append((file.path, "duplicate id \(id)"))
                continue
            }
            let mtime = file.modificationTime.seconds * 1_000_000_000 + Int64(file.modificationTime.nanoseconds)
            let previous = known[id]
            if let previous, previous.size == UInt64(file.size), previous.mtime == mtime, previous.source == file.path {
                report.unchanged += 1
                continue
            }
            let extracted: ExtractedDocument
            do {
                extracted = try DocumentExtractor.extract(fileAt: file.path, format: nil, maxBytes: options.maxFileSize)
            } catch {
                report.skipped.append((file.path, error.description))
                continue
            }
            report.bytes += file.size
            let document = DocumentInput(
                id: id, title: extracted.title, text: extracted.text, source: file.path, mtimeNanoseconds: mtime, size: UInt64(file.size))
            if let previous, previous.hash == document.contentHash, previous.source == file.path {
                writer.touch(id: id, mtimeNanoseconds: mtime, size: UInt64(file.size))
                report.unchanged += 1
                continue
            }
            if previous == nil { report.added += 1 } else { report.updated += 1 }
            if let commit = try writer.add(document) { report.absorb(commit) }
        }
        for id in known.keys where !seen.contains(id) {
            writer.delete(id: id)
            report.removed += 1
        }
        progress(IndexingProgress(done: files.count, total: files.count, bytes: report.bytes))
        report.absorb(try writer.commit())
        report.seconds = Date().timeIntervalSince(started)
        return report
    }
}
