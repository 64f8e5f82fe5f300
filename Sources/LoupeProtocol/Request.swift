/// One request line, parsed. ``RequestParser`` builds it; ``Request/line`` writes it back.
public enum Request: Sendable, Equatable {
    /// `SEARCH [options] <query>`: ranked hits.
    case search(SearchRequest)
    /// `COUNT [options] <query>`: the number of matching documents.
    case count(query: String, options: QueryOptions)
    /// `SUGGEST [limit=N] <text>`: completions of the text's last word.
    case suggest(SuggestRequest)
    /// `EXPLAIN [options] <docid> <query>`: a document's score, broken into its BM25 parts.
    case explain(id: String, query: String, options: QueryOptions)
    /// `GET <docid>`: the stored fields of a document.
    case get(id: String)
    /// `INDEX <path>`: index or re-index a file or folder under a configured root.
    case index(path: String)
    /// `DELETE <docid>`: remove a document.
    case delete(id: String)
    /// `INFO`: counters of the index and the server.
    case info
    /// `PING`: `PONG`.
    case ping
    /// `HELP [command]`: the commands, or one command's usage.
    case help(command: Command?)
    /// `QUIT`: `BYE`, then the server closes the connection.
    case quit
    /// `AUTH <token>`: unlocks the other commands when a token is configured.
    case auth(token: String)

    /// The command this request is.
    public var command: Command {
        switch self {
        case .search: .search
        case .count: .count
        case .suggest: .suggest
        case .explain: .explain
        case .get: .get
        case .index: .index
        case .delete: .delete
        case .info: .info
        case .ping: .ping
        case .help: .help
        case .quit: .quit
        case .auth: .auth
        }
    }

    /// The request as a line (without the newline) that ``RequestParser`` reads back as `self`.
    public var line: String {
        switch self {
        case .search(let s):
            var words = ["SEARCH"]
            if let limit = s.limit { words.append("limit=\(limit)") }
            if s.offset != 0 { words.append("offset=\(s.offset)") }
            if let snippets = s.snippets { words.append("snippets=\(snippets ? 1 : 0)") }
            if let sort = s.sort { words.append("sort=\(sort.rawValue)") }
            if let expand = s.expand { words.append("expand=\(expand ? 1 : 0)") }
            words += s.options.words
            return (words + ["--", s.query]).joined(separator: " ")
        case .count(let query, let options): return (["COUNT"] + options.words + ["--", query]).joined(separator: " ")
        case .suggest(let s): return (["SUGGEST"] + (s.limit.map { ["limit=\($0)"] } ?? []) + ["--", s.text]).joined(separator: " ")
        case .explain(let id, let query, let options):
            return (["EXPLAIN"] + options.words + ["--", FieldEscaping.escape(id, spaces: true), query]).joined(separator: " ")
        case .get(let id): return "GET " + FieldEscaping.escape(id)
        case .index(let path): return "INDEX " + FieldEscaping.escape(path)
        case .delete(let id): return "DELETE " + FieldEscaping.escape(id)
        case .info: return "INFO"
        case .ping: return "PING"
        case .help(let command): return command.map { "HELP \($0.name)" } ?? "HELP"
        case .quit: return "QUIT"
        case .auth(let token): return "AUTH " + token
        }
    }
}

/// The arguments of `SEARCH`.
public struct SearchRequest: Sendable, Equatable {
    /// Hits to return; nil means the server's default.
    public var limit: Int?
    /// Hits to skip.
    public var offset: Int
    /// Whether hits carry snippets; nil means the server's default.
    public var snippets: Bool?
    /// The order of the hits; nil means by score.
    public var sort: Sort?
    /// Whether the query is expanded by RM3 pseudo-relevance feedback; nil means the server's
    /// default (`search.expand`).
    public var expand: Bool?
    /// How the query is read and scored.
    public var options: QueryOptions
    /// The query, in the query language (docs/query-syntax.md).
    public var query: String

    /// `sort=`: the order of the hits.
    public enum Sort: String, Sendable, Equatable, CaseIterable {
        /// Best score first.
        case score
        /// Oldest modification date first; ties by score, then index order.
        case modified
        /// Newest modification date first; ties by score, then index order.
        case newest = "-modified"
    }

    /// A search for `query`; unset options take the server's defaults.
    public init(
        query: String, limit: Int? = nil, offset: Int = 0, snippets: Bool? = nil, sort: Sort? = nil, expand: Bool? = nil,
        options: QueryOptions = QueryOptions()
    ) {
        self.expand = expand
        self.query = query
        self.limit = limit
        self.offset = offset
        self.snippets = snippets
        self.sort = sort
        self.options = options
    }
}

/// Options of the query commands: `op=and|or`, `strict=0|1`, `k1=X`, `b=X`, `algorithm=NAME`.
public struct QueryOptions: Sendable, Equatable {
    /// How bare words combine; nil means the server's default.
    public var defaultOperator: Operator?
    /// Reject malformed queries with `QUERY_SYNTAX` instead of reading them leniently.
    public var strict: Bool
    /// BM25 k1 for this query; nil means the server's default.
    public var k1: Double?
    /// BM25 b for this query; nil means the server's default.
    public var b: Double?
    /// The retrieval algorithm (`exhaustive`, `maxscore`, `bmw`); nil means the server's default.
    /// Every algorithm returns the same hits; this is for benchmarking.
    public var algorithm: String?

    /// How adjacent clauses combine.
    public enum Operator: String, Sendable, Equatable {
        case and, or
    }

    /// Options; nil values take the server's defaults.
    public init(defaultOperator: Operator? = nil, strict: Bool = false, k1: Double? = nil, b: Double? = nil, algorithm: String? = nil) {
        self.defaultOperator = defaultOperator
        self.strict = strict
        self.k1 = k1
        self.b = b
        self.algorithm = algorithm
    }

    var words: [String] {
        var words: [String] = []
        if let defaultOperator { words.append("op=\(defaultOperator.rawValue)") }
        if strict { words.append("strict=1") }
        if let k1 { words.append("k1=\(k1)") }
        if let b { words.append("b=\(b)") }
        if let algorithm { words.append("algorithm=\(algorithm)") }
        return words
    }
}
