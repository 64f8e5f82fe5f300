/// An error reply: `ERR <CODE> <message>`.
///
/// The code is stable and meant for programs; the message is for people and may change. Codes
/// fall in two classes (``Code/isClientError``): a *client error* means the request, sent again
/// unchanged, gets the same answer; a *server error* means the server could not serve it now and
/// the same request may succeed later.
public struct ProtocolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, as a stable upper-case word.
    public var code: Code
    /// A one-line explanation for a person (never contains a newline on the wire).
    public var message: String

    /// An error with `code`; `message` must be one line.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `CODE message`, as after `ERR ` on the wire.
    public var description: String { message.isEmpty ? code.name : "\(code.name) \(message)" }

    /// A stable error code. New codes may be added in later protocol versions; a client that
    /// meets a code it does not know gets it with ``isClientError`` false.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code as it appears on the wire.
        public let name: String
        /// True for errors caused by the request; false for errors of the server's state.
        public let isClientError: Bool

        private init(_ name: String, client: Bool) {
            self.name = name
            self.isClientError = client
        }

        public var description: String { name }

        /// The line is longer than the server's maximum; it was discarded up to its newline.
        public static let lineTooLong = Code("LINE_TOO_LONG", client: true)
        /// The line is not valid UTF-8.
        public static let badEncoding = Code("BAD_ENCODING", client: true)
        /// The first word is not a command.
        public static let unknownCommand = Code("UNKNOWN_COMMAND", client: true)
        /// An argument is missing, malformed or out of range (the message gives the usage).
        public static let badArgument = Code("BAD_ARGUMENT", client: true)
        /// The query is malformed (strict mode only; the message gives the column).
        public static let querySyntax = Code("QUERY_SYNTAX", client: true)
        /// The request exceeds a configured limit (limit, offset, clauses, prefix expansions).
        public static let limitExceeded = Code("LIMIT_EXCEEDED", client: true)
        /// No document has the id given.
        public static let notFound = Code("NOT_FOUND", client: true)
        /// A token is configured and this connection has not sent `AUTH` yet.
        public static let authRequired = Code("AUTH_REQUIRED", client: true)
        /// `AUTH` was given a wrong token (or none is configured).
        public static let authFailed = Code("AUTH_FAILED", client: true)
        /// The path is outside the configured roots, or writing is not enabled.
        public static let forbidden = Code("FORBIDDEN", client: true)
        /// A write (INDEX, DELETE) sent to a read-only replica (`louped --follow`); send it to the primary.
        public static let readOnly = Code("READ_ONLY", client: true)
        /// The server is at capacity (connections); try again later.
        public static let busy = Code("BUSY", client: false)
        /// The request ran past its time budget (queries) or the connection sat idle too long.
        public static let timeout = Code("TIMEOUT", client: false)
        /// The server is stopping and accepts no more requests.
        public static let shuttingDown = Code("SHUTTING_DOWN", client: false)
        /// Something failed inside the server (storage, I/O); the message says what.
        public static let internalError = Code("INTERNAL", client: false)

        /// Every code this version defines, client errors first.
        public static let all: [Code] = [
            .lineTooLong, .badEncoding, .unknownCommand, .badArgument, .querySyntax, .limitExceeded, .notFound,
            .authRequired, .authFailed, .forbidden, .readOnly, .busy, .timeout, .shuttingDown, .internalError,
        ]

        /// The code named `name`: a known one, or an unknown one classed as a server error.
        public init(name: String) {
            self = Code.all.first { $0.name == name } ?? Code(name, client: false)
        }
    }
}
