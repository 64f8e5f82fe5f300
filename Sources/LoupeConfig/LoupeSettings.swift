import Foundation
import LoupeAnalysis
import LoupeEngine
import LoupeIndex
import LoupeQuery

/// The settings of the `loupe` tool, read from `config/loupe.toml`'s format. Every option has a
/// default equal to the one the shipped file documents; a missing file means all defaults.
public struct LoupeSettings: Sendable {
    /// Index directory used when `--index` is not given.
    public var indexPath = ".loupe"
    /// Analyzer of newly created indexes.
    public var analyzer = AnalyzerPreset.english
    /// How indexing runs.
    public var indexing = IndexingOptions()
    /// BM25 parameters of searches that do not set their own.
    public var bm25 = BM25Parameters()
    /// Defaults of every search.
    public var search = SearchOptions()

    public init() {}

    /// Reads `path`. Unknown options and out-of-range values are errors, with the option's name.
    public init(contentsOf path: String) throws {
        var file = try ConfigFile(path: path)
        try self.init(file: &file)
        try file.rejectUnknownKeys()
    }

    private init(file: inout ConfigFile) throws {
        indexPath = try file.string("index.path", indexPath)
        analyzer = AnalyzerPreset(rawValue: try file.string("index.analyzer", analyzer.rawValue, allowed: AnalyzerPreset.allCases.map(\.rawValue)))!
        indexing.maxFileSize = try file.int("index.max_file_size", indexing.maxFileSize, range: 1...Int.max)
        indexing.memoryBudget = try file.int("index.memory_budget_mb", indexing.memoryBudget >> 20, range: 16...1 << 20) << 20
        indexing.includeHidden = try file.bool("index.include_hidden", indexing.includeHidden)
        indexing.followSymlinks = try file.bool("index.follow_symlinks", indexing.followSymlinks)
        indexing.compactDeletedRatio = try file.double("index.compact_deleted_ratio", indexing.compactDeletedRatio)
        bm25 = BM25Parameters(k1: try file.double("search.k1", bm25.k1), b: try file.double("search.b", bm25.b))
        do { bm25 = try bm25.validated() } catch { throw ConfigError(file: file.path, message: "\(error)") }
        search.fields[.title] = try file.double("search.title_boost", search.fields[.title] ?? 2)
        search.limit = try file.int("search.limit", search.limit, range: 0...1_000_000)
        let op = try file.string("search.default_operator", "or", allowed: ["or", "and"])
        search.defaultOperator = op == "and" ? .and : .or
        search.maxClauses = try file.int("search.max_clauses", search.maxClauses, range: 1...1_000_000)
        search.maxExpansions = try file.int("search.max_expansions", search.maxExpansions, range: 1...1_000_000)
        search.snippetLength = try file.int("search.snippet_length", search.snippetLength, range: 20...10_000)
        search.proximity = try file.bool("search.proximity", search.proximity)
    }

    /// The settings from `--config`, else `$LOUPE_CONFIG`, else `~/.config/loupe/loupe.toml` when it
    /// exists, else the defaults.
    public static func load(explicitPath: String?) throws -> LoupeSettings {
        if let explicitPath { return try LoupeSettings(contentsOf: explicitPath) }
        if let env = ProcessInfo.processInfo.environment["LOUPE_CONFIG"], !env.isEmpty { return try LoupeSettings(contentsOf: env) }
        let home = FileManager.default.homeDirectoryForCurrentUser.path + "/.config/loupe/loupe.toml"
        if FileManager.default.fileExists(atPath: home) { return try LoupeSettings(contentsOf: home) }
        return LoupeSettings()
    }
}
