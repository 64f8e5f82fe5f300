import ArgumentParser
import Foundation
import LoupeAnalysis
import LoupeExtract
import LoupeIndex

/// `loupe index`: index folders, or a JSON-lines file.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index folders of documents (txt, md, html, other text) or a JSON-lines file.",
        discussion: """
            Every file found is a document: one whose content cannot be read is indexed by its name and path, \
            and listed by `loupe problems`. Re-running on the same folders re-indexes only what changed, removes \
            files that are gone, and retries a file that could not be read when it changed, when its extractor \
            changed, or when the helper program it needs appeared in PATH. Symbolic links are left alone unless \
            --follow-symlinks is given; each real file is indexed once, under the first path that reaches it. \
            A malformed JSON line is reported with its line number and skipped; the other lines are indexed.
            """)

    @OptionGroup var common: CommonOptions

    @Argument(help: "Folders or files to index.")
    var paths: [String] = []

    @Option(name: .long, help: "Index a JSON-lines file of {\"id\", \"title\", \"text\"} objects.")
    var jsonl: String?

    @Option(name: .long, help: "Analyzer of a new index: english or simple (default: index.analyzer of the config).")
    var analyzer: AnalyzerPreset?

    @Option(name: .long, help: "Batch memory budget in MiB (default: index.memory_budget_mb of the config).")
    var memoryBudget: Int?

    @Flag(name: .long, help: "Follow symbolic links inside the folders (default: index.follow_symlinks of the config).")
    var followSymlinks = false

    @Option(name: .long, help: "Threads that read files at once (default: one per processor).")
    var threads: Int?

    @Flag(name: .long, help: "List every skipped path with the reason.")
    var verbose = false

    func validate() throws {
        if paths.isEmpty && jsonl == nil { throw ValidationError("give folders to index, or --jsonl FILE") }
        if !paths.isEmpty && jsonl != nil { throw ValidationError("give either folders or --jsonl, not both") }
        if let memoryBudget, memoryBudget < 16 { throw ValidationError("--memory-budget must be at least 16 MiB") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let settings = try common.settings()
        var options = settings.indexing
        if let memoryBudget { options.memoryBudget = memoryBudget << 20 }
        if followSymlinks { options.followSymlinks = true }
        if let threads { options.extractionThreads = threads }
        let index: Index
        do {
            index = try Index.openOrCreate(
                at: common.indexPath(settings), analyzer: analyzer.map { AnalyzerSettings.preset($0) },
                defaultAnalyzer: .preset(settings.analyzer))
        } catch {
            throw CLIError("\(error)")
        }
        var bar = ProgressBar(unit: jsonl == nil ? "files" : "MB")
        let report: IndexingReport
        do {
            if let jsonl {
                report = try JSONLIndexer(index: index, options: options).run(path: jsonl) { p in
                    bar.update(done: p.done, total: p.total, items: p.bytes >> 20)
                }
            } else {
                for path in paths where !FileManager.default.fileExists(atPath: path) {
                    throw CLIError("no such file or folder: \(path)")
                }
                report = try FolderIndexer(index: index, options: options).run(roots: paths) { p in
                    bar.update(done: p.done, total: p.total, items: p.done)
                }
            }
        } catch {
            bar.finish()
            if let full = DiskFullError(error, indexPath: index.path) { throw CLIError(full.description) }
            throw error
        }
        bar.finish()
        if verbose || jsonl != nil {
            for skip in report.skipped { FileHandle.standardError.write("skipped \(skip.source): \(skip.reason)\n".data(using: .utf8)!) }
        }
        let docsPerSecond = Double(report.added + report.updated) / max(report.seconds, 0.001)
        print(
            "added \(report.added), updated \(report.updated), removed \(report.removed), unchanged \(report.unchanged), "
                + "skipped \(report.skipped.count); \(report.terms) terms, \(report.postings) postings; "
                + String(format: "%.2f s (%.0f docs/s, %.1f MB/s)", report.seconds, docsPerSecond, Double(report.bytes) / 1e6 / max(report.seconds, 0.001)))
        guard jsonl == nil else { return }
        let types = report.documentsByType.sorted { $0.key.rawValue < $1.key.rawValue }.map { type, count in
            "\(type) \(count.documents)" + (count.nameOnly > 0 ? " (\(count.nameOnly) by name only)" : "")
        }
        if !types.isEmpty { print("documents by type: " + types.joined(separator: ", ")) }
        print("\(report.linksLeftAlone) symbolic links left alone, \(report.duplicatePaths) duplicate paths to files already indexed"
            + (report.retried > 0 ? ", \(report.retried) files retried" : ""))
        print("\(report.problems) files could not be read (`loupe problems` lists them)")
    }
}

extension AnalyzerPreset: ExpressibleByArgument {}
