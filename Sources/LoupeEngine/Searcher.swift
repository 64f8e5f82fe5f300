import Foundation
import LoupeIndex
import LoupeQuery

/// One ranked result.
public struct SearchHit: Sendable, Equatable {
    /// 1-based rank in the full result list (offset included).
    public var rank: Int
    public var score: Double
    /// Internal doc id (valid for this reader's commit).
    public var doc: UInt32
    /// The document's external id.
    public var id: String
    public var title: String
    /// The best passage with the matched words marked, when snippets were asked for.
    public var snippet: Snippet?
    /// The document's size in bytes (the text's size for JSON lines).
    public var size: UInt64
    /// The document's type, extension, modification date and named fields.
    public var metadata: DocumentMetadata

    public init(
        rank: Int, score: Double, doc: UInt32, id: String, title: String, snippet: Snippet? = nil, size: UInt64 = 0,
        metadata: DocumentMetadata = DocumentMetadata()
    ) {
        self.rank = rank
        self.score = score
        self.doc = doc
        self.id = id
        self.title = title
        self.snippet = snippet
        self.size = size
        self.metadata = metadata
    }
}

/// The answer to one query.
public struct SearchResults: Sendable {
    /// Exact number of matching live documents (when counting was asked for; else the hits seen).
    public var total: Int
    public var hits: [SearchHit]
    /// Wall time of parsing, planning, matching and loading the hits, in microseconds.
    public var tookMicroseconds: Int
    /// The terms RM3 pseudo-relevance feedback added, when the options asked for it.
    public var expansion: QueryExpansion? = nil
}

/// Runs queries against one ``IndexReader`` (one commit). Cheap to create; use one per query or
/// per thread, since a reader serves one thread at a time.
public struct Searcher {
    public let reader: IndexReader
    /// BM25 parameters used when a query's options do not set their own.
    public let defaultParameters: BM25Parameters

    public init(reader: IndexReader, defaultParameters: BM25Parameters = BM25Parameters()) {
        self.reader = reader
        self.defaultParameters = defaultParameters
    }

    /// Parses `query` with the query language and runs it.
    public func search(_ query: String, options: SearchOptions = SearchOptions()) throws -> SearchResults {
        let start = DispatchTime.now().uptimeNanoseconds
        let node = try parse(query, options: options)
        var results = try search(node, options: options)
        results.tookMicroseconds = Int((DispatchTime.now().uptimeNanoseconds - start) / 1000)
        return results
    }

    /// Parses `query` with the options' default operator, strictness and clause limit. Its
    /// proximity clauses are not part of the tree: ``search(_:options:)`` rescores with them and
    /// ``explain(_:id:options:)`` adds them.
    public func parse(_ query: String, options: SearchOptions) throws -> QueryNode {
        var parserOptions = QueryParserOptions()
        parserOptions.defaultOperator = options.defaultOperator
        parserOptions.strict = options.strict
        parserOptions.maxClauses = options.maxClauses
        let node: QueryNode
        do {
            node = try QueryParser(parserOptions).parse(query)
        } catch {
            throw SearchError.from(error)
        }
        return node
    }

    /// Runs an already-parsed query: one ``Weight`` gives the top hits, the exact total (from
    /// the same pass when it saw every match, else from a count over doc ids) and the snippets'
    /// marked words. With ``SearchOptions/expansion`` set, that weight is the query expanded by
    /// RM3 from a first pass (``QueryExpansion``, in ``SearchResults/expansion``).
    public func search(_ node: QueryNode, options: SearchOptions = SearchOptions()) throws -> SearchResults {
        guard options.limit >= 0, options.offset >= 0 else { throw SearchError.invalidOption("limit and offset must be ≥ 0") }
        let start = DispatchTime.now().uptimeNanoseconds
        let context = CollectionContext(reader: reader, deadline: options.deadline)
        let query = try planned(node, options: options, context: context)
        let weight = query.weight
        let ranked: [ScoredDoc]
        let total: Int
        if options.sort == .score {
            let wanted = options.limit + options.offset
            let run: TopDocsRun
            (ranked, run) = try rank(query, k: wanted, algorithm: options.algorithm, context: context)
            total = options.countTotal && !run.exact ? try weight.count(context: context) : run.offered
        } else if let scorer = try weight.scorer(frequencies: true) {
            (ranked, total) = ColumnTopKCollector.collect(scorer, k: options.limit + options.offset, order: options.sort, reader: reader)
        } else {
            (ranked, total) = ([], 0)
        }
        let snippets = options.snippets
            ? SnippetBuilder(analyzer: reader.analyzer, highlight: weight.highlights, length: options.snippetLength) : nil
        let hits = try ranked.dropFirst(options.offset).enumerated().map { i, hit in
            var found = SearchHit(rank: options.offset + i + 1, score: hit.score, doc: hit.doc, id: "", title: "")
            if options.hitMetadata {
                if let record = try reader.document(hit.doc) {
                    (found.id, found.title, found.size, found.metadata) = (record.id, record.title, record.size, record.metadata)
                }
            } else if let heading = try reader.heading(hit.doc) {
                (found.id, found.title) = (heading.id, heading.title)
            }
            if let snippets {
                found.snippet = try reader.withText(hit.doc) { snippets.snippet(of: $0) } ?? snippets.snippet(of: "")
            }
            return found
        }
        return SearchResults(
            total: total, hits: hits, tookMicroseconds: Int((DispatchTime.now().uptimeNanoseconds - start) / 1000),
            expansion: query.expansion)
    }

    /// A query planned once for a search: its weight (expanded by RM3 when asked for), the
    /// weight of its proximity pairs, and the expansion.
    struct PlannedSearch {
        let weight: Weight
        let pairs: Weight?
        let expansion: QueryExpansion?
    }

    /// `node` planned with the options: the words' weight, their proximity pairs (unless
    /// proximity is off) and, with ``SearchOptions/expansion``, the RM3 rewrite of both from the
    /// best `feedbackDocs` documents of the unexpanded query, ranked as a search ranks them.
    func planned(_ node: QueryNode, options: SearchOptions, context: CollectionContext) throws -> PlannedSearch {
        let parameters = try (options.bm25 ?? defaultParameters).validated()
        let expansion = try options.expansion?.validated()
        let planner = QueryPlanner(reader: reader, options: options, parameters: parameters)
        let words = try planner.plan(node)
        let pairsNode = options.proximity ? ProximityClauses.pairsQuery(of: node, analyzer: reader.analyzer) : nil
        let pairs = try pairsNode.map { try planner.plan($0) }
        let unexpanded = PlannedSearch(weight: words, pairs: pairs, expansion: nil)
        guard let expansion else { return unexpanded }
        let feedback = try rank(unexpanded, k: expansion.feedbackDocs, algorithm: options.algorithm, context: context).ranked
        let expanded = try planner.expand(node, original: words, feedback: feedback, parameters: expansion)
        return PlannedSearch(
            weight: expanded.weight, pairs: try pairsNode.map { try planner.plan($0, boost: expanded.originalBoost) },
            expansion: expanded.expansion)
    }

    /// The best `k` documents of `query`: those of its words' weight, with its pruning, and with
    /// proximity pairs the best max(k, ``ProximityClauses/rescoreWindow``) of them rescored.
    private func rank(
        _ query: PlannedSearch, k: Int, algorithm: RetrievalAlgorithm, context: CollectionContext
    ) throws -> (ranked: [ScoredDoc], run: TopDocsRun) {
        let window = query.pairs == nil || k == 0 ? k : max(k, ProximityClauses.rescoreWindow)
        let run = try query.weight.topDocs(k: window, algorithm: algorithm, context: context)
        let ranked = try query.pairs?.scorer(frequencies: true)
            .map { Array(ProximityClauses.rescore(run.collector.sorted(), with: $0).prefix(k)) }
            ?? run.collector.sorted()
        return (ranked, run)
    }

    /// The best `k` documents for `node`, without loading their records: the hot path that
    /// `loupe bench` times.
    public func topDocs(_ node: QueryNode, k: Int, options: SearchOptions = SearchOptions()) throws -> [ScoredDoc] {
        try weight(node, options: options).topDocs(
            k: k, algorithm: options.algorithm, context: CollectionContext(reader: reader, deadline: options.deadline)).collector.sorted()
    }

    /// The exact number of live documents matching `node`, without scoring them; with
    /// ``SearchOptions/expansion``, of its RM3 expansion (the total a search reports).
    public func count(_ node: QueryNode, options: SearchOptions = SearchOptions()) throws -> Int {
        let context = CollectionContext(reader: reader, deadline: options.deadline)
        let weight = options.expansion == nil ? try weight(node, options: options) : try planned(node, options: options, context: context).weight
        return try weight.count(context: context)
    }

    /// `node` bound to this reader's statistics.
    func weight(_ node: QueryNode, options: SearchOptions) throws -> Weight {
        let parameters = try (options.bm25 ?? defaultParameters).validated()
        return try QueryPlanner(reader: reader, options: options, parameters: parameters).plan(node)
    }

    /// The score of document `id` for `query`, broken into its BM25 parts; nil when it does not
    /// match. With ``SearchOptions/expansion`` set, the parts are those of the expanded query
    /// (each expansion term with its weight as its boost; ``expansion(of:options:)`` lists them).
    public func explain(_ query: String, id: String, options: SearchOptions = SearchOptions()) throws -> (score: Double, parts: [ScoreExplanation])? {
        guard let doc = try reader.docId(forId: id) else { throw SearchError.unknownDocument(id) }
        let parsed = try parse(query, options: options)
        let weight: Weight
        if options.expansion == nil {
            let node = options.proximity ? ProximityClauses.adding(to: parsed, analyzer: reader.analyzer) : parsed
            weight = try self.weight(node, options: options)
        } else {
            let planned = try planned(parsed, options: options, context: CollectionContext(reader: reader, deadline: options.deadline))
            weight = planned.pairs.map { DisjunctionWeight([planned.weight, $0]) } ?? planned.weight
        }
        guard let scorer = try weight.scorer(frequencies: true), scorer.advance(to: doc) == doc else { return nil }
        var parts: [ScoreExplanation] = []
        scorer.explain(into: &parts)
        return (scorer.score(), parts)
    }

    /// The RM3 expansion of `query` (``QueryExpansion``); nil when ``SearchOptions/expansion``
    /// is off.
    public func expansion(of query: String, options: SearchOptions) throws -> QueryExpansion? {
        guard options.expansion != nil else { return nil }
        let context = CollectionContext(reader: reader, deadline: options.deadline)
        return try planned(try parse(query, options: options), options: options, context: context).expansion
    }
}

extension SearchError {
    /// Maps the query language's errors onto search errors.
    static func from(_ error: QuerySyntaxError) -> SearchError {
        switch error {
        case .invalidSyntax(_, let column): .syntax(message: error.message, column: column)
        case .tooManyClauses: .limitExceeded(error.message)
        }
    }
}
