/// A qrels or run file that could not be read or parsed.
///
/// The ``description`` follows the compiler convention `source:line: message` (or `source: message`
/// when the problem is not tied to one line, such as a file that cannot be opened), so it can be
/// shown to users as is.
public struct TrecFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file path, or the name given to ``Qrels/init(parsing:source:)`` and ``Run/init(parsing:source:)``.
    public let source: String
    /// The 1-based line number of the offending line, or `nil` for errors about the whole file.
    public let line: Int?
    /// What is wrong, e.g. `expected 4 columns, got 3`.
    public let message: String

    /// Creates an error for `source`, optionally pinned to a 1-based `line`.
    public init(source: String, line: Int?, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { "\(source):\(line): \(message)" } else { "\(source): \(message)" }
    }
}
