/// The best passage of a document for a query, with the matched words marked.
public struct Snippet: Sendable, Equatable {
    /// The passage: at most about the configured length, cut at word boundaries, with `…` where
    /// text was cut off.
    public var text: String
    /// Highlighted spans as offsets into ``text`` counted in Unicode code points (as Python's
    /// `str` indexes), half-open `[start, end)`, sorted, not overlapping.
    public var highlights: [Range<Int>]

    public init(text: String, highlights: [Range<Int>]) {
        self.text = text
        self.highlights = highlights
    }
}
