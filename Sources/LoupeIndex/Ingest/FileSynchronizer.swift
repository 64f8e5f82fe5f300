import LoupeExtract

/// One file of an indexing run, with what the index holds about it.
struct FileTask {
    var file: WalkedFile
    /// The document id of the file (its parts are `id#1`, `id#2`, ...).
    var id: String
    /// The documents the index holds for the file (see ``Swift/Dictionary/documents(ofFile:at:)``).
    var previous: [(id: String, file: IndexedFile)]
    /// The problem ledger's entry for the file, if any.
    var problem: FileProblem?

    var mtimeNanoseconds: Int64 {
        file.modificationTime.seconds * 1_000_000_000 + Int64(file.modificationTime.nanoseconds)
    }
}

/// Brings files in step with the index, for ``FolderIndexer`` and ``PathIndexer``.
///
/// Files come in walk order through ``sync(_:report:)``. Those that need reading are extracted
/// in windows on an ``ExtractionPool``; their documents go to the writer in groups (which it
/// inverts on several threads), in the order the files came, so doc ids are the same whatever
/// the number of threads. ``flush(report:)`` must end every run.
///
/// Every file is a document: one whose content cannot be read (binary, too large, a failed
/// helper) becomes a document of its name (the title) and path with no text, and its problem
/// goes to the ledger. A multipart file (mbox) gives one document per part, `id#1`, `id#2`, ...;
/// re-indexing it replaces them all and deletes the parts that are gone.
struct FileSynchronizer {
    let writer: IndexWriter
    let options: IndexingOptions
    /// Whether a file whose size, mtime and path match the index is taken as unchanged without
    /// being read (a full scan), or always read and compared by content hash (a caller that
    /// knows the file was written; mtimes are coarse, two writes can share one).
    let trustMetadata: Bool
    private let pool: ExtractionPool
    private var window: [FileTask] = []
    private var windowBytes = 0
    /// Documents extracted, in walk order, waiting to go to the writer in one group (which it
    /// inverts on several threads).
    private var documents: [DocumentInput] = []
    private var documentBytes = 0
    /// Whether each helper program was found in the search path, looked up once per run.
    private var programFound: [String: Bool] = [:]
    /// The paths whose ledger entry stands after this run: recorded anew, or kept for a file left
    /// alone. The caller clears the other entries it owns.
    private(set) var problemPaths: Set<String> = []

    /// Files and bytes of content per window: enough to keep every thread busy, few enough to
    /// bound the memory the extracted texts hold.
    private static let filesPerThread = 64, windowByteLimit = 64 << 20
    /// Documents and bytes of text per group given to the writer, as ``JSONLIndexer`` groups them;
    /// a group also stays under a sixteenth of the memory budget, so that the writer commits about
    /// as soon as the budget fills (it checks after each group).
    private static let groupDocuments = 2048, groupBytes = 64 << 20

    init(writer: IndexWriter, options: IndexingOptions, trustMetadata: Bool) {
        self.writer = writer
        self.options = options
        self.trustMetadata = trustMetadata
        pool = ExtractionPool(threads: options.extractionThreads, options: options.extraction, extract: options.extractFile)
    }

    /// Takes `task` in: counts it as unchanged, or queues it for reading (writing the window when
    /// it is full).
    mutating func sync(_ task: FileTask, report: inout IndexingReport) throws {
        let size = UInt64(task.file.size)
        let mtime = task.mtimeNanoseconds
        let unchangedOnDisk = trustMetadata && !task.previous.isEmpty
            && task.previous.allSatisfy { $0.file.source == task.file.path && $0.file.size == size && $0.file.mtimeNanoseconds == mtime }
        if unchangedOnDisk {
            if let problem = task.problem {
                if !isRetryDue(problem) {
                    problemPaths.insert(problem.path)
                    report.unchanged += task.previous.count
                    report.documentsByType[DocumentType(fileName: task.file.path), default: TypeCount()].count(task.previous.count, nameOnly: true)
                    return
                }
                report.retried += 1
            } else {
                report.unchanged += task.previous.count
                report.documentsByType[DocumentType(fileName: task.file.path), default: TypeCount()].count(task.previous.count, nameOnly: false)
                return
            }
        }
        window.append(task)
        windowBytes += min(task.file.size, options.maxFileSize)
        if window.count >= Self.filesPerThread * pool.threads || windowBytes >= Self.windowByteLimit { try extractWindow(report: &report) }
    }

    /// Reads the queued files and hands every document extracted so far to the writer.
    mutating func flush(report: inout IndexingReport) throws {
        try extractWindow(report: &report)
        if let commit = try writer.add(contentsOf: documents) { report.absorb(commit) }
        documents.removeAll(keepingCapacity: true)
        documentBytes = 0
    }

    /// Brings the ledger in step once every file was synchronized: records the walk's own
    /// problems (unreadable folders, loops, FIFOs), clears the `known` entries that no longer
    /// stand, and counts the problems that do in `report`.
    func settleProblems(walkProblems: [FileProblem], known: [String: FileProblem], report: inout IndexingReport) {
        var standing = problemPaths
        for problem in walkProblems {
            writer.recordProblem(problem)
            standing.insert(problem.path)
        }
        for path in known.keys where !standing.contains(path) { writer.clearProblem(path: path) }
        report.problems = standing.count
    }

    /// Reads the queued files; their documents go to the writer once a group is full.
    private mutating func extractWindow(report: inout IndexingReport) throws {
        guard !window.isEmpty else { return }
        let extractions = pool.extract(window.map(\.file.path))
        for (task, extraction) in zip(window, extractions) { apply(extraction, of: task, report: &report) }
        window.removeAll(keepingCapacity: true)
        windowBytes = 0
        if documents.count >= Self.groupDocuments || documentBytes >= min(Self.groupBytes, options.memoryBudget / 16) {
            try flush(report: &report)
        }
    }

    /// Whether a file left alone with `problem` deserves another try: its extractor's version
    /// changed, or the helper program it missed is now in the search path.
    private mutating func isRetryDue(_ problem: FileProblem) -> Bool {
        guard let extractor = Extractor(rawValue: problem.extractor) else { return false }
        if options.extractorVersion(extractor) != problem.extractorVersion { return true }
        guard let program = problem.missingProgram else { return false }
        if let found = programFound[program] { return found }
        let found = HelperProcess.locate(program, searchPath: options.extraction.searchPath) != nil
        programFound[program] = found
        return found
    }

    /// Turns one file's extraction into documents (appended to ``documents``), touches, deletions
    /// and a ledger entry.
    private mutating func apply(_ extraction: FileExtraction, of task: FileTask, report: inout IndexingReport) {
        let path = task.file.path
        let size = UInt64(task.file.size)
        let mtime = task.mtimeNanoseconds
        report.bytes += task.file.size
        let name = FileNaming.lastComponent(path)
        var metadata = DocumentMetadata(
            type: extraction.type, ext: FileNaming.extensionLowercased(name), modified: task.file.modificationTime.seconds)
        var inputs: [DocumentInput] = []
        if extraction.documents.isEmpty {
            inputs.append(DocumentInput(id: task.id, title: name, text: "", source: path, mtimeNanoseconds: mtime, size: size,
                                        metadata: metadata))
        } else {
            for (n, document) in extraction.documents.enumerated() {
                metadata.modified = document.date ?? task.file.modificationTime.seconds
                metadata.fields = document.fields
                inputs.append(DocumentInput(
                    id: extraction.isMultipart ? "\(task.id)#\(n + 1)" : task.id, title: document.title, text: document.text,
                    source: path, mtimeNanoseconds: mtime, size: size, metadata: metadata))
            }
        }

        report.documentsByType[extraction.type, default: TypeCount()].count(inputs.count, nameOnly: extraction.documents.isEmpty)
        if let problem = extraction.problem {
            writer.recordProblem(FileProblem(
                path: path, id: task.id, reason: problem.reason, extractor: problem.extractor.rawValue,
                extractorVersion: options.extractorVersion(problem.extractor), missingProgram: problem.missingProgram,
                size: size, mtimeNanoseconds: mtime))
            problemPaths.insert(path)
        }

        let previous = Dictionary(task.previous, uniquingKeysWith: { first, _ in first })
        let unchanged = previous.count == inputs.count && inputs.allSatisfy { input in
            previous[input.id].map { $0.source == path && input.hasContent(hashed: $0.contentHash) } ?? false
        }
        if unchanged {
            for input in inputs where previous[input.id]!.size != size || previous[input.id]!.mtimeNanoseconds != mtime {
                writer.touch(id: input.id, mtimeNanoseconds: mtime, size: size, modified: input.metadata.modified)
            }
            report.unchanged += inputs.count
            return
        }
        let kept = Set(inputs.map(\.id))
        for input in inputs {
            if previous[input.id] == nil { report.added += 1 } else { report.updated += 1 }
        }
        documents.append(contentsOf: inputs)
        documentBytes += inputs.reduce(0) { $0 + $1.text.utf8.count + $1.title.utf8.count }
        for (id, _) in task.previous where !kept.contains(id) {
            writer.delete(id: id)
            report.removed += 1
        }
    }
}

extension TypeCount {
    /// Counts `documents` more, all of them name-only or none.
    mutating func count(_ documents: Int, nameOnly: Bool) {
        self.documents += documents
        if nameOnly { self.nameOnly += documents }
    }
}

/// The parts of a path that name a document: its last component, and that component's extension.
enum FileNaming {
    /// The last `/`-separated component of `path`.
    static func lastComponent(_ path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    /// The text after the last dot of `name`, lowercased (`gz` for `ls.1.gz`); empty when there is
    /// none. A leading dot (`.profile`) does not start an extension.
    static func extensionLowercased(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
