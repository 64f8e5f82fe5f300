import ArgumentParser

/// The `loupe` command-line tool: index folders and JSON lines, search, evaluate, benchmark.
@main
struct Loupe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loupe",
        abstract: "A full-text search engine: index documents, then search them with BM25 ranking.",
        version: "0.1.0",
        subcommands: [IndexCommand.self, WatchCommand.self, SearchCommand.self, SuggestCommand.self, ExplainCommand.self, EvalCommand.self, BenchCommand.self, StatsCommand.self, ProblemsCommand.self, CheckCommand.self, CompactCommand.self, SnapshotCommand.self, PingCommand.self, InfoCommand.self])
}
