import ArgumentParser
import Dispatch
import Foundation
import LoupeAnalysis
import LoupeIndex
import LoupeWatch

/// `loupe watch`: keep an index in step with folders until SIGINT or SIGTERM.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Index folders, then follow their changes (inotify) until interrupted.",
        discussion: """
            The folders are scanned first, as `loupe index` does. Then new, changed, moved and deleted files and \
            folders are re-indexed in debounced batches; each committed batch prints one line (added, updated, \
            removed, how long it took, and how long after the first change). If the kernel's event queue \
            overflows, every folder is rescanned and a line on standard error says so. SIGINT or SIGTERM \
            commits what is pending and exits 0.
            """)

    @OptionGroup var common: CommonOptions

    @Argument(help: "Folders to watch.")
    var paths: [String]

    @Option(name: .long, help: "Analyzer of a new index: english or simple (default: index.analyzer of the config).")
    var analyzer: AnalyzerPreset?

    @Option(name: .long, help: "Batch memory budget in MiB (default: index.memory_budget_mb of the config).")
    var memoryBudget: Int?

    @Flag(name: .long, help: "Follow symbolic links inside the folders (default: index.follow_symlinks of the config).")
    var followSymlinks = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give folders to watch") }
        if let memoryBudget, memoryBudget < 16 { throw ValidationError("--memory-budget must be at least 16 MiB") }
    }

    func run() throws {
        let settings = try common.settings()
        var options = FolderWatcher.Options()
        options.indexing = settings.indexing
        if let memoryBudget { options.indexing.memoryBudget = memoryBudget << 20 }
        if followSymlinks { options.indexing.followSymlinks = true }
        let index: Index
        let watcher: FolderWatcher
        do {
            index = try Index.openOrCreate(
                at: common.indexPath(settings), analyzer: analyzer.map { AnalyzerSettings.preset($0) },
                defaultAnalyzer: .preset(settings.analyzer))
            watcher = try FolderWatcher(index: index, roots: paths, options: options, onEvent: Self.print)
        } catch {
            throw CLIError("\(error)")
        }
        let interrupted = DispatchSemaphore(value: 0)
        let signals = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { interrupted.signal() }
            source.resume()
            return source
        }
        watcher.start()
        Self.write("watching \(watcher.roots.paths.joined(separator: " ")) into \(index.path); Ctrl-C stops\n")
        interrupted.wait()
        watcher.stop()
        signals.forEach { $0.cancel() }
        Self.write("stopped\n")
    }

    /// One line per committed batch on standard output; overflows and problems on standard error.
    @Sendable static func print(_ event: WatchEvent) {
        switch event {
        case .committed(let batch):
            let report = batch.report
            let head = switch batch.kind {
            case .initialScan: "scan: "
            case .rescan: "rescan: "
            case .changes: "batch of \(batch.paths) path\(batch.paths == 1 ? "" : "s"): "
            }
            guard batch.kind != .changes || batch.changedIndex || !report.skipped.isEmpty else { return }
            write(
                head + "added \(report.added), updated \(report.updated), removed \(report.removed), "
                    + "unchanged \(report.unchanged), skipped \(report.skipped.count); "
                    + String(format: "committed in %.0f ms, latency %.0f ms\n", report.seconds * 1000, milliseconds(batch.latency)))
        case .overflow:
            FileHandle.standardError.write(Data("loupe watch: the event queue overflowed and changes were lost; rescanning every folder\n".utf8))
        case .problem(let message):
            FileHandle.standardError.write(Data("loupe watch: \(message)\n".utf8))
        }
    }

    private static func write(_ line: String) {
        FileHandle.standardOutput.write(Data(line.utf8))
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
