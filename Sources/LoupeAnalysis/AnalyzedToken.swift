// One token as a value.

/// A term emitted by an `Analyzer`, with where it came from.
public struct AnalyzedToken: Sendable, Equatable, Hashable {
    /// The normalized (and, if configured, stemmed) term.
    public var term: String
    /// The token's position: its index among all tokens of the text, counting dropped ones.
    public var position: UInt32
    /// The UTF-8 byte offsets of the token's source text in the analyzed text.
    public var range: Range<Int>

    /// Creates a token.
    public init(term: String, position: UInt32, range: Range<Int>) {
        self.term = term
        self.position = position
        self.range = range
    }
}
