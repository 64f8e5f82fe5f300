/// The commands of protocol version 1, with the usage and summary `HELP` prints.
public enum Command: String, Sendable, CaseIterable {
    case search = "SEARCH"
    case count = "COUNT"
    case suggest = "SUGGEST"
    case explain = "EXPLAIN"
    case get = "GET"
    case index = "INDEX"
    case delete = "DELETE"
    case info = "INFO"
    case ping = "PING"
    case help = "HELP"
    case quit = "QUIT"
    case auth = "AUTH"

    /// The command word (commands are read case-insensitively).
    public var name: String { rawValue }

    /// The command named `word`, in any case.
    public init?(word: Substring) {
        self.init(rawValue: word.uppercased())
    }

    /// One line: the syntax.
    public var usage: String {
        switch self {
        case .search: "SEARCH [limit=N] [offset=N] [snippets=0|1] [sort=score|modified|-modified] [expand=0|1] [op=and|or] [strict=0|1] [k1=X] [b=X] [algorithm=A] [--] <query>"
        case .count: "COUNT [op=and|or] [strict=0|1] [algorithm=A] [--] <query>"
        case .suggest: "SUGGEST [limit=N] [--] <text>"
        case .explain: "EXPLAIN [op=and|or] [strict=0|1] [k1=X] [b=X] [--] <docid> <query>"
        case .get: "GET <docid>"
        case .index: "INDEX <path>"
        case .delete: "DELETE <docid>"
        case .info: "INFO"
        case .ping: "PING"
        case .help: "HELP [command]"
        case .quit: "QUIT"
        case .auth: "AUTH <token>"
        }
    }

    /// One line: what it does and what it answers.
    public var summary: String {
        switch self {
        case .search: "ranked hits: RESULTS <n> total=<N> took_us=<t>, n lines rank, score, id, title, snippet, END"
        case .count: "the number of matching documents: COUNT <N> took_us=<t>"
        case .suggest: "completions of the last word of the text: COMPLETIONS <n> took_us=<t>, n lines word, text, docs, together, END"
        case .explain: "a document's score in BM25 parts: EXPLAIN <n> matched=0|1 score=<s>, n part lines, END (write a space in the id as \\s)"
        case .get: "a document's stored fields: DOC <n>, n lines name<TAB>value, END"
        case .index: "index or re-index a file or folder under a configured root (files gone are removed); OK once committed"
        case .delete: "remove a document; OK once committed"
        case .info: "index and server counters: INFO <n>, n lines name<TAB>value, END"
        case .ping: "PONG"
        case .help: "the commands, or one command's usage"
        case .quit: "BYE, then the server closes the connection"
        case .auth: "unlock the other commands when the server has a token: OK"
        }
    }

    /// Whether sending the command twice has the effect of sending it once, so a client whose
    /// connection dropped before the reply may send it again on a new connection: the reads
    /// (SEARCH, COUNT, SUGGEST, EXPLAIN, GET), INFO, PING and HELP. INDEX, DELETE, QUIT and AUTH are not
    /// retried: a DELETE may have committed before the drop.
    public var isIdempotent: Bool {
        switch self {
        case .search, .count, .suggest, .explain, .get, .info, .ping, .help: true
        case .index, .delete, .quit, .auth: false
        }
    }

    /// Whether the command may run before `AUTH` on a server with a token.
    public var isOpen: Bool { self == .ping || self == .help || self == .quit || self == .auth }
}
