/// The arguments of `SUGGEST`: search as you type.
public struct SuggestRequest: Sendable, Equatable {
    /// What the user has typed so far; its last word is completed, the words before it rank the
    /// completions. Leading and trailing spaces are not part of it on the wire.
    public var text: String
    /// Completions to return; nil means the server's default (10).
    public var limit: Int?

    /// Completions of `text`'s last word.
    public init(text: String, limit: Int? = nil) {
        self.text = text
        self.limit = limit
    }
}
