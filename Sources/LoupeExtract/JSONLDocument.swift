/// One document read from a JSON lines file.
public struct JSONLDocument: Sendable, Equatable {
    /// The `id` member: a string as written, or an integer in its decimal form.
    public var id: String
    /// The `title` member; empty when absent or `null`.
    public var title: String
    /// The `text` member; empty when absent or `null`.
    public var text: String
    /// The 1-based number of the line the document was on.
    public var line: Int

    /// Creates a document from its parts, taken as they are.
    public init(id: String, title: String, text: String, line: Int) {
        self.id = id
        self.title = title
        self.text = text
        self.line = line
    }
}

/// Why one line of a JSON lines file gave no document. Other lines are not affected.
public struct JSONLLineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, counted in bytes, where the problem was found; `nil` for
    /// problems of the whole object, like a missing `id`.
    public var column: Int?
    /// What is wrong, e.g. `expected ',' or '}'` or `missing "id"`.
    public var reason: String

    /// Creates an error from its parts, taken as they are.
    public init(line: Int, column: Int?, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `line 17: expected ',' or '}' at column 42`, or `line 3: missing "id"`.
    public var description: String {
        guard let column else { return "line \(line): \(reason)" }
        return "line \(line): \(reason) at column \(column)"
    }
}

/// A JSON lines file that could not be opened or read. Lines delivered before it stand.
public struct JSONLinesFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's path.
    public var path: String
    /// The system's explanation.
    public var reason: String

    /// Creates an error from its parts, taken as they are.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `cannot read PATH: REASON`.
    public var description: String {
        "cannot read \(path): \(reason)"
    }
}
