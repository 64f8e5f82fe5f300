import ArgumentParser
import Foundation
import LoupeEngine
import LoupeIndex

/// `loupe search`: ranked results for a query.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index and print ranked results.",
        discussion: "The query language is described in docs/query-syntax.md. Bare words are ORed by default.")

    @OptionGroup var common: CommonOptions

    @OptionGroup var remote: ServerOptions

    @Argument(help: "The query.")
    var query: String

    @Option(name: .long, help: "Results to show.")
    var limit: Int?

    @Option(name: .long, help: "Results to skip.")
    var offset: Int = 0

    @Option(name: .long, help: "BM25 k1 for this query (default: search.k1 of the config, 1.2).")
    var k1: Double?

    @Option(name: .long, help: "BM25 b for this query (default: search.b of the config, 0.75).")
    var b: Double?

    @Flag(name: .long, help: "Print JSON: {\"total\", \"took_us\", \"hits\": [{\"rank\", \"score\", \"id\", \"title\"}]}.")
    var json = false

    @Option(name: .long, parsing: .unconditional, help: "Order of the hits: score (best first), modified (oldest first) or -modified (newest first); ties by score.")
    var sort: HitOrder = .score

    @Flag(name: .long, help: "Show each hit's type, extension, size, modification date and fields (with --json: as members).")
    var metadata = false

    @Flag(name: .long, help: "Fail on malformed syntax, with the column, instead of reading it as text.")
    var strict = false

    @Flag(name: .customLong("and"), help: "Combine bare words with AND instead of OR.")
    var defaultAnd = false

    @Flag(name: .long, help: "Rank by the words alone, without the proximity of neighbouring words (search.proximity = false).")
    var noProximity = false

    @OptionGroup var expansion: ExpansionFlags

    @Flag(name: .long, help: "Leave out the snippets (the best passage of each hit, matches highlighted).")
    var noSnippets = false

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be ≥ 0") }
        if offset < 0 { throw ValidationError("--offset must be ≥ 0") }
    }

    func run() throws {
        if let address = try remote.address() { return try RemoteSearch(command: self).run(address) }
        let settings = try common.settings()
        let index = try common.openIndex(settings)
        var options = settings.search
        options.limit = limit ?? options.limit
        options.offset = offset
        options.strict = strict
        options.snippets = !noSnippets
        options.hitMetadata = metadata
        if noProximity { options.proximity = false }
        options.expansion = expansion.expansion(settings)
        options.sort = sort
        if defaultAnd { options.defaultOperator = .and }
        if k1 != nil || b != nil { options.bm25 = BM25Parameters(k1: k1 ?? settings.bm25.k1, b: b ?? settings.bm25.b) }
        let results: SearchResults
        let suggestion: String?
        do {
            let searcher = Searcher(reader: try index.reader(), defaultParameters: settings.bm25)
            results = try searcher.search(query, options: options)
            suggestion = try QuerySuggester(reader: searcher.reader)
                .suggestion(for: query, total: results.total, searcher: searcher, options: options)
        } catch let error as SearchError {
            throw CLIError("\(error)")
        }
        if json {
            print(ResultsJSON.render(ShownResults(results), suggestion: suggestion, metadata: metadata))
        } else {
            print(HumanResults.render(ShownResults(results), suggestion: suggestion, styled: isatty(STDOUT_FILENO) != 0, metadata: metadata))
        }
    }
}

extension HitOrder: ExpressibleByArgument {}
