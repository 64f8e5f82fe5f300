import ArgumentParser
import Foundation
import LoupeEngine
import LoupeIndex
import LoupeQuery

/// `loupe bench`: in-process query latency over a query file.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure in-process query latency (p50, p95, p99, mean, QPS) over a query file.",
        discussion: """
            Each line of the file is one query: words separated by spaces, read with the semantics of --kind \
            (term: the word; and: every word; or: any word; phrase: the words adjacent and in order; fuzzy: the \
            word within the edits its length allows, as `word~`), searched \
            in the body field, as the peer engines index the benchmark corpus. With --kind suggest a line is \
            the text typed so far, and a timed call is `loupe suggest` on it (10 completions; \
            Benchmarks/queries/suggest.txt). A timed call plans the query \
            and collects the top 10 (or counts the matches with --mode count); loading the hits' records is \
            outside the timing. The first --warmup passes are not timed.

            --as-search times in-process exactly what the daemon's SEARCH does for the same line (the \
            query text --server sends, parsed, the exact total, the hits' records, and snippets with \
            --snippets), so that in-process and daemon figures compare like for like.
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable { case term, and, or, phrase, fuzzy, suggest }
    enum Mode: String, ExpressibleByArgument, CaseIterable { case top10, count }

    @OptionGroup var common: CommonOptions

    @OptionGroup var daemon: RemoteBenchOptions

    @Option(name: .long, help: "The query file, one query per line.")
    var queries: String

    @Option(name: .long, help: "How a line is read: term, and, or, phrase, fuzzy, suggest.")
    var kind: Kind

    @Option(name: .long, help: "top10 (ranked top 10) or count (number of matches).")
    var mode: Mode = .top10

    @Option(name: .long, help: "Untimed passes over the file first.")
    var warmup: Int = 1

    @Option(name: .long, help: "Timed passes over the file.")
    var rounds: Int = 3

    @Option(name: .long, help: "Retrieval algorithm: \(RetrievalAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")).")
    var algorithm: RetrievalAlgorithm = .maxscore

    @Option(name: .long, help: "A filter every query must pass, such as 'size:>5KB' or 'type:pdf' (docs/query-syntax.md).")
    var filter: String?

    @Flag(name: .customLong("as-search"), help: "Time what SEARCH does (query text, exact total, hit records; snippets with --snippets), in-process.")
    var asSearch = false

    @Flag(name: .long, help: "Print JSON: {kind, n, p50_us, p95_us, p99_us, mean_us, qps, queries: [{q, total, top10, median_us}]}; median_us is the query's median over the rounds.")
    var json = false

    func validate() throws {
        if warmup < 0 || rounds < 1 { throw ValidationError("--warmup must be ≥ 0 and --rounds ≥ 1") }
        if let filter {
            do {
                guard try QueryParser(QueryParserOptions(strict: true)).parse(filter).isFilterOnly else {
                    throw ValidationError("--filter takes filters only (type:, ext:, modified:, size:), got '\(filter)'")
                }
            } catch let error as QuerySyntaxError {
                throw ValidationError("--filter: \(error)")
            }
        }
    }

    func run() throws {
        if let address = try daemon.remote.address() {
            if filter != nil { throw ValidationError("--filter applies to the in-process bench") }
            if daemon.snippets && mode != .top10 { throw ValidationError("--snippets applies to --mode top10") }
            return try RemoteBench(command: self, connections: daemon.connections, snippets: daemon.snippets).run(address)
        }
        if kind == .suggest {
            guard mode == .top10, !asSearch, filter == nil, !daemon.snippets else {
                throw ValidationError("--kind suggest times completions: --mode, --as-search, --filter and --snippets do not apply")
            }
            return try runSuggest()
        }
        if asSearch { return try runAsSearch() }
        if daemon.snippets { throw ValidationError("--snippets needs --server or --as-search: plain bench times the top 10 without loading hits") }
        let settings = try common.settings()
        let index = try common.openIndex(settings)
        guard let text = try? String(contentsOfFile: queries, encoding: .utf8) else { throw CLIError("cannot read \(queries)") }
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let nodes = lines.map { node(for: $0) }
        var options = settings.search
        options.algorithm = algorithm
        options.countTotal = false
        let searcher = Searcher(reader: try index.reader(), defaultParameters: settings.bm25)

        var samples: [UInt64] = []
        samples.reserveCapacity(nodes.count * rounds)
        for pass in 0..<(warmup + rounds) {
            for node in nodes {
                let start = DispatchTime.now().uptimeNanoseconds
                switch mode {
                case .top10: _ = try searcher.topDocs(node, k: 10, options: options)
                case .count: _ = try searcher.count(node, options: options)
                }
                let elapsed = DispatchTime.now().uptimeNanoseconds - start
                if pass >= warmup { samples.append(elapsed) }
            }
        }
        let report = LatencyReport(samples)
        if json {
            var perQuery: [JSONValue] = []
            for (i, (line, node)) in zip(lines, nodes).enumerated() {
                let total = try searcher.count(node, options: options)
                let top = mode == .top10
                    ? try searcher.topDocs(node, k: 10, options: options).map { JSONValue.string(try searcher.reader.document($0.doc)?.id ?? "") }
                    : []
                // The query's own timings, one per round (the samples are in pass order).
                let own = LatencyReport(stride(from: i, to: samples.count, by: nodes.count).map { samples[$0] })
                perQuery.append(.object([("q", .string(line)), ("total", .int(total)), ("top10", .array(top)), ("median_us", .double(own.p50))]))
            }
            print(JSONValue.object([
                ("kind", .string(kind.rawValue)), ("mode", .string(mode.rawValue)), ("algorithm", .string(algorithm.rawValue)),
                ("n", .int(samples.count)), ("p50_us", .double(report.p50)), ("p95_us", .double(report.p95)),
                ("p99_us", .double(report.p99)), ("mean_us", .double(report.mean)), ("qps", .double(report.qps)),
                ("queries", .array(perQuery)),
            ]).text)
        } else {
            print(String(
                format: "%@ %@ (%@): %d timed queries  p50 %.1f µs  p95 %.1f µs  p99 %.1f µs  mean %.1f µs  %.0f QPS",
                kind.rawValue, mode.rawValue, algorithm.rawValue, samples.count, report.p50, report.p95, report.p99, report.mean, report.qps))
        }
    }

    /// `--kind suggest`: each timed call completes a line as `loupe suggest` does (10 completions
    /// over the configured fields); the first pass builds the term dictionaries, untimed with
    /// `--warmup` 1 or more.
    private func runSuggest() throws {
        let settings = try common.settings()
        let index = try common.openIndex(settings)
        guard let text = try? String(contentsOfFile: queries, encoding: .utf8) else { throw CLIError("cannot read \(queries)") }
        let lines = text.split(separator: "\n").map { String($0) }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let fields = settings.search.fields.keys.sorted { $0.rawValue < $1.rawValue }
        let completer = Completer(reader: try index.reader())
        var samples: [UInt64] = []
        var answers: [[Completer.Completion]] = []
        for pass in 0..<(warmup + rounds) {
            for line in lines {
                let start = DispatchTime.now().uptimeNanoseconds
                let found = try completer.complete(line, limit: 10, fields: fields)
                let elapsed = DispatchTime.now().uptimeNanoseconds - start
                if pass >= warmup { samples.append(elapsed) }
                if pass == 0 { answers.append(found) }
            }
        }
        let report = LatencyReport(samples)
        if json {
            print(JSONValue.object([
                ("kind", .string(kind.rawValue)), ("n", .int(samples.count)), ("p50_us", .double(report.p50)),
                ("p95_us", .double(report.p95)), ("p99_us", .double(report.p99)), ("mean_us", .double(report.mean)),
                ("qps", .double(report.qps)),
                ("queries", .array(zip(lines, answers).map { line, found in
                    .object([("q", .string(line)), ("total", .int(found.count)), ("top10", .array(found.map { .string($0.text) }))])
                })),
            ]).text)
        } else {
            print(String(
                format: "suggest: %d timed completions  p50 %.1f µs  p95 %.1f µs  p99 %.1f µs  mean %.1f µs  %.0f QPS",
                samples.count, report.p50, report.p95, report.p99, report.mean, report.qps))
        }
    }

    /// `--as-search`: each timed call is `Searcher.search` on the text `--server` would send, with
    /// the daemon's defaults (limit 10, exact total, hit records, snippets with `--snippets`).
    private func runAsSearch() throws {
        guard mode == .top10 else { throw ValidationError("--as-search applies to --mode top10") }
        let settings = try common.settings()
        let index = try common.openIndex(settings)
        guard let text = try? String(contentsOfFile: queries, encoding: .utf8) else { throw CLIError("cannot read \(queries)") }
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var options = settings.search
        options.algorithm = algorithm
        options.limit = 10
        options.snippets = daemon.snippets
        options.hitMetadata = false  // as SEARCH: a hit line shows id and title only
        options.countTotal = true
        let searcher = Searcher(reader: try index.reader(), defaultParameters: settings.bm25)
        var samples: [UInt64] = []
        var hits = 0
        var results: [(String, SearchResults)] = []
        for pass in 0..<(warmup + rounds) {
            for line in lines {
                let start = DispatchTime.now().uptimeNanoseconds
                let found = try searcher.search(queryText(for: line), options: options)
                let elapsed = DispatchTime.now().uptimeNanoseconds - start
                if pass >= warmup {
                    samples.append(elapsed)
                    hits += found.hits.count
                }
                if pass == 0 && json { results.append((line, found)) }
            }
        }
        let report = LatencyReport(samples)
        let label = daemon.snippets ? "as-search with snippets" : "as-search"
        if json {
            print(JSONValue.object([
                ("kind", .string(kind.rawValue)), ("mode", .string(label)), ("algorithm", .string(algorithm.rawValue)),
                ("n", .int(samples.count)), ("hits", .int(hits)), ("p50_us", .double(report.p50)), ("p95_us", .double(report.p95)),
                ("p99_us", .double(report.p99)), ("mean_us", .double(report.mean)), ("qps", .double(report.qps)),
                ("queries", .array(results.map { line, found in
                    .object([("q", .string(line)), ("total", .int(found.total)), ("top10", .array(found.hits.map { .string($0.id) }))])
                })),
            ]).text)
        } else {
            print(String(
                format: "%@ %@ (%@): %d timed queries, %d hits  p50 %.1f µs  p95 %.1f µs  p99 %.1f µs  mean %.1f µs  %.0f QPS",
                kind.rawValue, label, algorithm.rawValue, samples.count, hits, report.p50, report.p95, report.p99, report.mean, report.qps))
        }
    }

    /// The query language text a line stands for (what `--server` sends): the words in the body
    /// field, with the kind's semantics, and `--filter` when given.
    func queryText(for line: String) -> String {
        let words = line.split(separator: " ").map { "body:" + $0 }
        let text: String
        switch kind {
        case .term: text = "body:" + line
        case .or: text = words.joined(separator: " ")
        case .and: text = words.map { "+" + $0 }.joined(separator: " ")
        case .phrase: text = "body:\"" + line + "\""
        case .fuzzy: text = "body:" + line + "~"
        case .suggest: preconditionFailure("a suggest line is completed (runSuggest), not searched")
        }
        guard let filter else { return text }
        return "+(\(text)) +(\(filter))"
    }

    /// The query a line stands for, searched in the body field, and required to pass `--filter`.
    func node(for line: String) -> QueryNode {
        let words = words(for: line)
        guard let filter, let filterNode = try? QueryParser(QueryParserOptions(strict: true)).parse(filter) else { return words }
        return .boolean(clauses: [QueryClause(occur: .must, node: words), QueryClause(occur: .must, node: filterNode)], boost: 1)
    }

    /// The words of a line as `kind` reads them, searched in the body field.
    func words(for line: String) -> QueryNode {
        let words = line.split(separator: " ").map(String.init)
        switch kind {
        case .term: return .term(text: line, field: .body, boost: 1)
        case .fuzzy: return .fuzzy(text: line, maxEdits: nil, field: .body, boost: 1)
        case .suggest: preconditionFailure("a suggest line is completed (runSuggest), not searched")
        case .phrase: return .phrase(words: words, slop: 0, field: .body, boost: 1)
        case .and, .or:
            let occur: Occur = kind == .and ? .must : .should
            let clauses = words.map { QueryClause(occur: occur, node: .term(text: $0, field: .body, boost: 1)) }
            return clauses.count == 1 ? clauses[0].node : .boolean(clauses: clauses, boost: 1)
        }
    }
}

/// Percentiles (nearest rank) and mean of latency samples in nanoseconds, reported in µs.
struct LatencyReport {
    let p50, p95, p99, mean, qps: Double

    init(_ samples: [UInt64]) {
        let sorted = samples.sorted()
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
            return Double(sorted[min(max(rank, 1), sorted.count) - 1]) / 1000
        }
        p50 = percentile(50)
        p95 = percentile(95)
        p99 = percentile(99)
        mean = sorted.isEmpty ? 0 : Double(sorted.reduce(0, +)) / Double(sorted.count) / 1000
        qps = mean > 0 ? 1_000_000 / mean : 0
    }
}

extension RetrievalAlgorithm: ExpressibleByArgument {}
