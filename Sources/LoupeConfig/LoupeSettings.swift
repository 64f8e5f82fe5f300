import Foundation
import LoupeAnalysis
import LoupeEngine
import LoupeIndex
import LoupeQuery

/// The schema of `loupe.toml` (`config/loupe.toml` lists every option with its default): the
/// settings of the `loupe` tool, and the analyzer, indexing and search settings of `louped`.
///
/// Every default is the one the engine type defines (`IndexingOptions`, `BM25Parameters`,
/// `SearchOptions`) and is stated nowhere else in code; `LoupeSettings()` is the defaults. Each
/// option is set, in order of precedence, by the command's own flag, the environment
/// (`LOUPE_<SECTION>_<KEY>`, and `LOUPE_INDEX` for `index.path`), the file, or its default.
public struct LoupeSettings: Sendable {
    /// Index directory used when `--index` is not given.
    public var indexPath = ".loupe"
    /// Analyzer of newly created indexes.
    public var analyzer = AnalyzerPreset.english
    /// How indexing runs.
    public var indexing = IndexingOptions()
    /// BM25 parameters of searches that do not set their own.
    public var bm25 = BM25Parameters()
    /// Defaults of every search (``SearchOptions/expansion`` is set when `search.expand` is on).
    public var search = SearchOptions()
    /// The file read, if any.
    public private(set) var file: String? = nil
    /// Every option with its value and where the value came from, in file order; empty for
    /// settings not loaded through ``load(explicitPath:environment:)`` or ``init(contentsOf:environment:)``.
    public private(set) var resolved: [ResolvedOption] = []
    /// The RM3 parameters a search uses when expansion is asked for (`--expand`, `expand=1`),
    /// whether or not `search.expand` turns it on by default.
    public var expansion = ExpansionParameters()

    /// The defaults.
    public init() {}

    /// Reads `path`, then the environment over it.
    ///
    /// - Throws: ``ConfigError`` naming the file and line, variable, and option: for an unreadable
    ///   file, bad TOML, an unknown option, a value of the wrong type or out of range.
    public init(contentsOf path: String?, environment: [String: String] = [:]) throws(ConfigError) {
        var source = try ConfigSource(
            file: path, prefix: "LOUPE", environment: environment, aliases: ["index.path": ["LOUPE_INDEX"]])
        try self.init(source: &source)
        try source.rejectUnknownKeys()
        file = path
        resolved = source.resolved
    }

    private init(source: inout ConfigSource) throws(ConfigError) {
        indexPath = try source.string("index.path", indexPath)
        let analyzerName = try source.string("index.analyzer", analyzer.rawValue, allowed: AnalyzerPreset.allCases.map(\.rawValue))
        analyzer = AnalyzerPreset(rawValue: analyzerName) ?? analyzer
        indexing.maxFileSize = try source.int("index.max_file_size", indexing.maxFileSize, range: 1...Int.max)
        indexing.memoryBudget = try source.int("index.memory_budget_mb", indexing.memoryBudget >> 20, range: 16...1 << 20) << 20
        indexing.spillLimit = try source.int("index.spill_limit_mb", indexing.spillLimit >> 20, range: 16...1 << 30) << 20
        indexing.includeHidden = try source.bool("index.include_hidden", indexing.includeHidden)
        indexing.followSymlinks = try source.bool("index.follow_symlinks", indexing.followSymlinks)
        indexing.compactDeletedRatio = try source.double("index.compact_deleted_ratio", indexing.compactDeletedRatio, range: 0...1)
        bm25.k1 = try source.double("search.k1", bm25.k1, range: 0...Double.greatestFiniteMagnitude)
        bm25.b = try source.double("search.b", bm25.b, range: 0...1)
        search.fields[.title] = try source.double("search.title_boost", search.fields[.title] ?? 1, range: 0...1_000_000)
        search.limit = try source.int("search.limit", search.limit, range: 0...1_000_000)
        let op = try source.string("search.default_operator", search.defaultOperator == .and ? "and" : "or", allowed: ["or", "and"])
        search.defaultOperator = op == "and" ? .and : .or
        search.maxClauses = try source.int("search.max_clauses", search.maxClauses, range: 1...1_000_000)
        search.maxExpansions = try source.int("search.max_expansions", search.maxExpansions, range: 1...1_000_000)
        search.proximity = try source.bool("search.proximity", search.proximity)
        search.snippetLength = try source.int("search.snippet_length", search.snippetLength, range: 20...10_000)
        expansion.feedbackDocs = try source.int("search.expand_docs", expansion.feedbackDocs, range: 1...ExpansionParameters.maximumCount)
        expansion.feedbackTerms = try source.int("search.expand_terms", expansion.feedbackTerms, range: 1...ExpansionParameters.maximumCount)
        expansion.originalQueryWeight = try source.double("search.expand_weight", expansion.originalQueryWeight, range: 0...1)
        search.expansion = try source.bool("search.expand", search.expansion != nil) ? expansion : nil
    }

    /// The settings `loupe` (and `louped`, through `server.loupe_config`) uses: from
    /// `explicitPath` (`--config`), else `$LOUPE_CONFIG`, else `~/.config/loupe/loupe.toml` when it
    /// exists, else no file; then the environment over the file.
    public static func load(
        explicitPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigError) -> LoupeSettings {
        try LoupeSettings(contentsOf: path(explicitPath: explicitPath, environment: environment), environment: environment)
    }

    /// The file ``load(explicitPath:environment:)`` reads, or nil for none.
    public static func path(explicitPath: String?, environment: [String: String]) -> String? {
        if let explicitPath, !explicitPath.isEmpty { return explicitPath }
        if let variable = environment["LOUPE_CONFIG"], !variable.isEmpty { return variable }
        let home = environment["HOME"].map { $0 + "/.config/loupe/loupe.toml" }
            ?? FileManager.default.homeDirectoryForCurrentUser.path + "/.config/loupe/loupe.toml"
        return FileManager.default.fileExists(atPath: home) ? home : nil
    }
}
