/// One reply, as the server sends it and the client reads it.
///
/// A reply is one line, or a counted block: a head line `<WORD> <n> …`, exactly `n` body lines of
/// tab-separated escaped fields (``FieldEscaping``), and `END`.
public enum Reply: Sendable, Equatable {
    /// The greeting on connect: `HELLO protocol=1 max_line=<bytes> auth=none|required server=<version>`.
    case hello(Greeting)
    /// `RESULTS <n> total=<N> took_us=<t> [suggestion=<query>]`, n hit lines, `END`.
    case results(Results)
    /// `COUNT <N> took_us=<t>`.
    case count(total: Int, tookMicroseconds: Int)
    /// `COMPLETIONS <n> took_us=<t>`, n completion lines, `END`.
    case completions(Completions)
    /// `EXPLAIN <n> matched=0|1 score=<s>`, n part lines, `END`.
    case explanation(Explanation)
    /// `DOC <n>`, n lines `name<TAB>value`, `END`.
    case document([Field])
    /// `INFO <n>`, n lines `name<TAB>value`, `END`.
    case info([Field])
    /// `HELP <n>`, n lines of text, `END`.
    case help([String])
    /// `OK [name=value …]`: a write committed and visible, or `AUTH` accepted.
    case ok([Field])
    /// `PONG`.
    case pong
    /// `BYE`: the server closes the connection after it.
    case bye
    /// `ERR <CODE> <message>`.
    case error(ProtocolError)

    /// The greeting's contents.
    public struct Greeting: Sendable, Equatable {
        /// The protocol version (``protocolVersion``).
        public var protocolVersion: Int
        /// The longest request line the server reads, in bytes, not counting `\r\n`.
        public var maxLineBytes: Int
        /// Whether commands other than PING, HELP, QUIT and AUTH need `AUTH` first.
        public var authRequired: Bool
        /// The server's software version.
        public var serverVersion: String

        /// A greeting; the protocol version defaults to the one this module speaks.
        public init(protocolVersion: Int = LoupeProtocol.version, maxLineBytes: Int, authRequired: Bool, serverVersion: String) {
            self.protocolVersion = protocolVersion
            self.maxLineBytes = maxLineBytes
            self.authRequired = authRequired
            self.serverVersion = serverVersion
        }
    }

    /// A page of ranked hits.
    public struct Results: Sendable, Equatable {
        /// Exact number of matching documents.
        public var total: Int
        /// The server's time to parse, plan, match and load the hits, in microseconds.
        public var tookMicroseconds: Int
        /// The hits of this page, best first.
        public var hits: [Hit]
        /// "Did you mean": the query to try instead, when this one found little and has a word
        /// no document holds (`QuerySuggester`); nil otherwise. On the wire it is the optional
        /// head attribute `suggestion=`, escaped with spaces as `\s`, which clients that do not
        /// know it skip like any unknown `name=value`.
        public var suggestion: String?

        /// A page of `hits` out of `total` matches, with an optional suggestion.
        public init(total: Int, tookMicroseconds: Int, hits: [Hit], suggestion: String? = nil) {
            self.total = total
            self.tookMicroseconds = tookMicroseconds
            self.hits = hits
            self.suggestion = suggestion
        }
    }

    /// One hit line: `rank<TAB>score<TAB>id<TAB>title<TAB>snippet`.
    public struct Hit: Sendable, Equatable {
        /// 1-based rank, counting the offset.
        public var rank: Int
        /// BM25 score, written in the shortest form that reads back to the same `Double`.
        public var score: Double
        /// The document id.
        public var id: String
        /// The document title (may be empty).
        public var title: String
        /// The snippet text (empty when snippets were not asked for or none was made).
        public var snippet: String
        /// Highlighted spans of ``snippet`` as Unicode code-point offsets, marked `\[` … `\]` on the wire.
        public var highlights: [Range<Int>]

        /// A hit; `highlights` must be sorted, non-overlapping code-point ranges of `snippet`.
        public init(rank: Int, score: Double, id: String, title: String, snippet: String = "", highlights: [Range<Int>] = []) {
            self.rank = rank
            self.score = score
            self.id = id
            self.title = title
            self.snippet = snippet
            self.highlights = highlights
        }
    }

    /// A score broken into BM25 parts.
    public struct Explanation: Sendable, Equatable {
        /// Whether the document matches the query (when not, there are no parts and the score is 0).
        public var matched: Bool
        /// The document's score for the query: the sum of the parts' scores.
        public var score: Double
        /// One part per term or phrase and field that matched.
        public var parts: [Part]

        /// An explanation; an unmatched document has score 0 and no parts.
        public init(matched: Bool, score: Double, parts: [Part]) {
            self.matched = matched
            self.score = score
            self.parts = parts
        }

        /// One term or phrase in one field:
        /// `score<TAB>field<TAB>clause<TAB>tf<TAB>df<TAB>N<TAB>idf<TAB>dl<TAB>avgdl<TAB>k1<TAB>b<TAB>boost`.
        public struct Part: Sendable, Equatable {
            /// This part's share of the score.
            public var score: Double
            /// The field: `body`, `title` or `path`.
            public var field: String
            /// The term or phrase, as the planner wrote it.
            public var clause: String
            /// tf, df, N, idf, dl, avgdl, k1, b, boost, in this order.
            public var numbers: [Double]

            /// A part; `numbers` holds the nine values in the documented order.
            public init(score: Double, field: String, clause: String, numbers: [Double]) {
                self.score = score
                self.field = field
                self.clause = clause
                self.numbers = numbers
            }
        }
    }

    /// A named value of `DOC`, `INFO` or `OK`.
    public struct Field: Sendable, Equatable {
        /// The name: a word without spaces.
        public var name: String
        /// The value: any text (escaped on the wire).
        public var value: String

        /// A field `name` with `value`.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }
}

/// Constants of the protocol.
public enum LoupeProtocol {
    /// The protocol version this module speaks, announced in the greeting.
    public static let version = 1
    /// The default maximum request line length, in bytes.
    public static let defaultMaxLineBytes = 65536
    /// The default TCP port.
    public static let defaultPort = 7700
}
