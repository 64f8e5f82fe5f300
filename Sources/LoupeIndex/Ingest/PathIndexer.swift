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
/// Symbolic links are treated as a full walk treats them: with ``IndexingOptions/followSymlinks``
/// off, a path that is a link, or lies under one, gives no document. Two differences remain when
/// links are followed: a folder is walked from the given path, so a link inside it that leads back
/// to a folder above the path is followed once, where a full walk (which sees the whole path)
/// skips it as a loop; and a file is recognised as a duplicate only of files walked in the same
/// run. The next full run sets both right.
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
        var synchronizer = FileSynchronizer(writer: writer, options: options, trustMetadata: false)
        var walkProblems: [FileProblem] = []
        var knownProblems: [String: FileProblem] = [:]
        for path in RootedPath.outermost(paths) {
            let absolute = roots.absolutePath(root: path.root, relativePath: path.relativePath)
            for problem in try reader.problems(under: absolute) { knownProblems[problem.path] = problem }
            let known = try indexedDocuments(at: path, reader)
            var seen = Set<String>()
            for file in filesOnDisk(at: path, &report, &walkProblems) {
                let id = roots.id(root: path.root, relativePath: file.relativePath)
                guard seen.insert(id).inserted else { continue }
                let previous = known.documents(ofFile: id, at: file.walked.path)
                for document in previous { seen.insert(document.id) }
                try synchronizer.sync(
                    FileTask(file: file.walked, id: id, previous: previous, problem: knownProblems[file.walked.path]), report: &report)
            }
            for id in known.keys.sorted() where !seen.contains(id) {
                writer.delete(id: id)
                report.removed += 1
            }
        }
        try synchronizer.flush(report: &report)
        synchronizer.settleProblems(walkProblems: walkProblems, known: knownProblems, report: &report)
        report.absorb(try writer.commit())
        try report.compactIfDue(index, options)
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// The documents of `path`'s root whose id is the path's or lies under it.
    /// The documents of `path`'s root whose id is the path's, a part of it (`ID#N`, from the file at
    /// the path), or lies under it.
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
            let absolute = roots.absolutePath(root: path.root, relativePath: path.relativePath)
            try reader.forEachId(withPrefix: id + "#") { partId, doc in
                let number = partId.utf8.dropFirst(id.utf8.count + 1)
                guard !number.isEmpty, number.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                    let record = try reader.document(doc), record.source == absolute
                else { return }
                known[partId] = IndexedFile(record)
            }
            try reader.forEachId(withPrefix: id + "/", consider)
        }
        return known
    }

    /// A file found on disk, with its path from the root (not from the walked path).
    private struct FoundFile {
        var walked: WalkedFile
        var relativePath: String
    }

    /// The files that lie at `path` now, in walk order; none when it is gone, hidden, or reached
    /// through a symbolic link that is not followed. Paths the walk passed over go to `report`
    /// and `problems`.
    private func filesOnDisk(
        at path: RootedPath, _ report: inout IndexingReport, _ problems: inout [FileProblem]
    ) -> [FoundFile] {
        if !options.includeHidden, path.relativePath.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { return [] }
        let absolute = roots.absolutePath(root: path.root, relativePath: path.relativePath)
        if !options.followSymlinks {
            // A full walk does not enter a link, nor report one as a file: neither does this.
            for step in [path] + path.ancestors where !step.relativePath.isEmpty {
                var status = stat()
                let stepPath = roots.absolutePath(root: step.root, relativePath: step.relativePath)
                if lstat(stepPath, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
                    if step == path { report.linksLeftAlone += 1 }
                    return []
                }
            }
        }
        var status = stat()
        guard stat(absolute, &status) == 0 else {
            if errno != ENOENT && errno != ENOTDIR {
                let reason = "unreadable: " + String(cString: strerror(errno))
                report.skipped.append((absolute, reason))
                problems.append(FileProblem(
                    path: absolute, id: roots.id(root: path.root, relativePath: path.relativePath), reason: reason,
                    extractor: FileProblem.walkExtractor, extractorVersion: 0))
            }
            return []
        }
        var files: [FoundFile] = []
        let walker = FolderWalker(roots: [absolute], options: options.walkerOptions)
        func fromRoot(_ walked: String, _ relative: String) -> String {
            walked == absolute
                ? path.relativePath
                : (path.relativePath.isEmpty ? relative : path.relativePath + "/" + relative)
        }
        walker.walk { entry in
            switch entry {
            case .file(let file):
                files.append(FoundFile(walked: file, relativePath: fromRoot(file.path, file.relativePath)))
            case .skipped(let skipped):
                report.skipped.append((skipped.path, skipped.reason.description))
                problems.append(FileProblem(
                    path: skipped.path, id: roots.id(root: path.root, relativePath: fromRoot(skipped.path, skipped.relativePath)),
                    reason: skipped.reason.description, extractor: FileProblem.walkExtractor, extractorVersion: 0))
            case .link: report.linksLeftAlone += 1
            case .duplicate: report.duplicatePaths += 1
            }
        }
        return files
    }
}
