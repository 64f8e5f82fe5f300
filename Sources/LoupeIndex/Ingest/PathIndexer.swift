import Foundation
import LoupeExtract

/// Brings the documents of given paths under folder roots in step with disk, without walking
/// the rest of the roots: the path-level counterpart of ``FolderIndexer``, for callers that know
/// what changed (a folder watcher).
///
/// For each path it compares what lies at the path on disk now (a file, a folder walked
/// recursively, or nothing) with the documents the index holds at that id and under it, and
/// adds, re-indexes or removes documents so that both agree, exactly as a full
/// ``FolderIndexer`` run over the roots would leave them. Files are always read and compared by
/// content hash, since the caller says they changed. Ids follow ``FolderRoots``; only documents
/// whose source lies under the path's root are removed. All changes of one run are committed at
/// its end (earlier when the memory budget fills up), so a reader sees the paths of one run change
/// together unless the batch outgrows the budget. Like a full run, it then compacts the index when
/// deletions reached ``IndexingOptions/compactDeletedRatio``.
///
/// One difference remains: a folder is walked from the given path, so a symbolic link inside it
/// that leads back to a folder above the path is followed once, where a full walk (which sees the
/// whole path) skips it as a loop; the next full run removes what it found there.
public struct PathIndexer {
    public let index: Index
    public let roots: FolderRoots
    public let options: IndexingOptions

    /// - Parameter roots: the roots the paths are relative to; with several, their folder names
    ///   must differ (ids are prefixed by them).
    public init(index: Index, roots: FolderRoots, options: IndexingOptions = IndexingOptions()) {
        self.index = index
        self.roots = roots
        self.options = options
    }

    /// Re-indexes `paths` (in any order, duplicates and nested paths allowed) and commits.
    public func run(_ paths: some Sequence<RootedPath>) throws -> IndexingReport {
        let started = Date()
        var report = IndexingReport()
        let reader = try index.reader()
        let writer = try IndexWriter(index: index, memoryBudget: options.memoryBudget)
        for path in RootedPath.outermost(paths) {
            let known = try indexedDocuments(at: path, reader)
            var seen = Set<String>()
            for file in filesOnDisk(at: path, &report) {
                let id = roots.id(root: path.root, relativePath: file.relativePath)
                seen.insert(id)
                try writer.sync(
                    file: file.walked, id: id, previous: known[id], trustMetadata: false, options: options, report: &report)
            }
            for id in known.keys.sorted() where !seen.contains(id) {
                writer.delete(id: id)
                report.removed += 1
            }
        }
        report.absorb(try writer.commit())
        try report.compactIfDue(index, options)
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// The documents of `path`'s root whose id is the path's or lies under it.
    private func indexedDocuments(at path: RootedPath, _ reader: IndexReader) throws -> [String: IndexedFile] {
        var known: [String: IndexedFile] = [:]
        func consider(_ id: String, _ doc: UInt32) throws {
            if let record = try reader.document(doc), roots.owns(source: record.source, root: path.root) {
                known[id] = IndexedFile(record)
            }
        }
        let id = roots.id(root: path.root, relativePath: path.relativePath)
        if id.isEmpty {
            try reader.forEachId(withPrefix: "", consider)
        } else {
            if let doc = try reader.docId(forId: id) { try consider(id, doc) }
            try reader.forEachId(withPrefix: id + "/", consider)
        }
        return known
    }

    /// A file found on disk, with its path from the root (not from the walked path).
    private struct FoundFile {
        var walked: WalkedFile
        var relativePath: String
    }

    /// The files that lie at `path` now, in walk order; none when it is gone or hidden.
    private func filesOnDisk(at path: RootedPath, _ report: inout IndexingReport) -> [FoundFile] {
        if !options.includeHidden, path.relativePath.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { return [] }
        let absolute = roots.absolutePath(root: path.root, relativePath: path.relativePath)
        var status = stat()
        guard stat(absolute, &status) == 0 else {
            if errno != ENOENT && errno != ENOTDIR {
                report.skipped.append((absolute, "unreadable: " + String(cString: strerror(errno))))
            }
            return []
        }
        var files: [FoundFile] = []
        let walker = FolderWalker(
            roots: [absolute], options: FolderWalker.Options(maxFileSize: options.maxFileSize, includeHidden: options.includeHidden))
        walker.walk { entry in
            switch entry {
            case .file(let file):
                let relative = file.path == absolute
                    ? path.relativePath
                    : (path.relativePath.isEmpty ? file.relativePath : path.relativePath + "/" + file.relativePath)
                files.append(FoundFile(walked: file, relativePath: relative))
            case .skipped(let skipped):
                report.skipped.append((skipped.path, skipped.reason.description))
            }
        }
        return files
    }
}
