import Dispatch
import LoupeConfig
import LoupeEngine
import LoupeIndex
import LoupeProtocol

/// Answers the read commands (SEARCH, COUNT, SUGGEST, EXPLAIN, GET) from a fresh snapshot of the index per
/// request, so they never wait for a write. Called on the query pool; safe from several threads.
struct QueryExecutor: Sendable {
    /// Where each request takes its index (on a replica, the snapshot served when it starts).
    let source: IndexSource
    /// The daemon's engine settings, already lowered to its limits
    /// (``ServerConfiguration/effectiveEngine``).
    let engine: LoupeSettings
    let limits: ServerLimits

    /// Thrown by ``execute(_:deadline:onEventLoop:)`` on an event loop when the rest of the work is
    /// not bounded by the deadline's checks (a "did you mean" walk of the term dictionary; see
    /// ``QuerySuggester/walksDictionary(for:total:searcher:options:)``): the request belongs on the
    /// query pool.
    struct BelongsOnPool: Error {}

    /// The reply to `request`, one of the read commands; it throws ``SearchError/timeout`` once
    /// `deadline` has passed. With `onEventLoop`, work the deadline cannot bound throws
    /// ``BelongsOnPool`` instead of running.
    func execute(_ request: Request, deadline: Deadline = .never, onEventLoop: Bool = false) throws -> Reply {
        try deadline.check()
        let reader = try source.current.reader()
        let searcher = Searcher(reader: reader, defaultParameters: engine.bm25)
        switch request {
        case .search(let search):
            var options = try options(search.options)
            options.deadline = deadline
            options.limit = search.limit ?? engine.search.limit
            options.offset = search.offset
            options.snippets = search.snippets ?? true
            if let expand = search.expand { options.expansion = expand ? engine.expansion : nil }
            options.hitMetadata = false  // a hit line shows id and title only
            switch search.sort ?? .score {
            case .score: options.sort = .score
            case .modified: options.sort = .modified
            case .newest: options.sort = .newest
            }
            guard options.limit <= limits.maxLimit else {
                throw ProtocolError(.limitExceeded, "limit=\(options.limit) is over the server's maximum of \(limits.maxLimit)")
            }
            guard options.offset <= limits.maxOffset else {
                throw ProtocolError(.limitExceeded, "offset=\(options.offset) is over the server's maximum of \(limits.maxOffset)")
            }
            let results = try searcher.search(search.query, options: options)
            try deadline.check()
            let suggester = QuerySuggester(reader: reader)
            if onEventLoop, try suggester.walksDictionary(for: search.query, total: results.total, searcher: searcher, options: options) {
                throw BelongsOnPool()
            }
            let suggestion = try suggester
                .suggestion(for: search.query, total: results.total, searcher: searcher, options: options)
            return .results(Reply.Results(
                total: results.total, tookMicroseconds: results.tookMicroseconds,
                hits: results.hits.map { hit in
                    Reply.Hit(
                        rank: hit.rank, score: hit.score, id: hit.id, title: hit.title, snippet: hit.snippet?.text ?? "",
                        highlights: hit.snippet?.highlights ?? [])
                },
                suggestion: suggestion))
        case .count(let query, let queryOptions):
            // Counting only: no top-k collection and no records, as in-process `loupe bench --mode count`.
            let started = DispatchTime.now().uptimeNanoseconds
            var options = try options(queryOptions)
            options.deadline = deadline
            let total = try searcher.count(try searcher.parse(query, options: options), options: options)
            return .count(total: total, tookMicroseconds: Int((DispatchTime.now().uptimeNanoseconds - started) / 1000))
        case .suggest(let suggest):
            let started = DispatchTime.now().uptimeNanoseconds
            let completions = try Completer(reader: reader).complete(
                suggest.text, limit: suggest.limit ?? Completer.defaultLimit, fields: engine.search.fields.keys.sorted { $0.rawValue < $1.rawValue })
            return .completions(Reply.Completions(
                tookMicroseconds: Int((DispatchTime.now().uptimeNanoseconds - started) / 1000),
                items: completions.map { Reply.Completions.Item(word: $0.word, text: $0.text, docs: $0.docFreq, together: $0.together) }))
        case .explain(let id, let query, let queryOptions):
            guard let explanation = try searcher.explain(query, id: id, options: try options(queryOptions)) else {
                return .explanation(Reply.Explanation(matched: false, score: 0, parts: []))
            }
            return .explanation(Reply.Explanation(
                matched: true, score: explanation.score,
                parts: explanation.parts.map { p in
                    Reply.Explanation.Part(
                        score: p.score, field: p.field, clause: p.description,
                        numbers: [p.tf, p.docFreq, p.docCount, p.idf, p.length, p.averageLength, p.k1, p.b, p.boost])
                }))
        case .get(let id):
            guard let doc = try reader.docId(forId: id), let record = try reader.document(doc) else {
                throw ProtocolError(.notFound, "no document with id \(id)")
            }
            var fields = [
                Reply.Field("id", record.id), Reply.Field("title", record.title), Reply.Field("source", record.source),
                Reply.Field("size", String(record.size)), Reply.Field("mtime_ns", String(record.mtimeNanoseconds)),
            ]
            for field in IndexField.allCases { fields.append(Reply.Field("length_\(field.name)", String(record.length(field)))) }
            fields += [
                Reply.Field("type", record.metadata.type.rawValue), Reply.Field("ext", record.metadata.ext),
                Reply.Field("modified", String(record.metadata.modified)),
            ]
            for field in record.metadata.fields { fields.append(Reply.Field("field_" + field.name, field.value)) }
            let text = try reader.text(doc) ?? ""
            // Loading a large text is the costly step; a budget it used up is reported, not ignored.
            try deadline.check()
            fields.append(Reply.Field("text", text))
            return .document(fields)
        default:
            throw ProtocolError(.internalError, "\(request.command.name) is not a query")
        }
    }

    /// The server's search settings (within its limits) with the request's options applied.
    private func options(_ query: QueryOptions) throws -> SearchOptions {
        var options = engine.search
        options.strict = query.strict
        if let op = query.defaultOperator { options.defaultOperator = op == .and ? .and : .or }
        if let name = query.algorithm {
            guard let algorithm = RetrievalAlgorithm(rawValue: name) else {
                throw ProtocolError(
                    .badArgument, "algorithm must be one of \(RetrievalAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")), got \(name)")
            }
            options.algorithm = algorithm
        }
        if query.k1 != nil || query.b != nil {
            options.bm25 = BM25Parameters(k1: query.k1 ?? engine.bm25.k1, b: query.b ?? engine.bm25.b)
        }
        return options
    }
}
