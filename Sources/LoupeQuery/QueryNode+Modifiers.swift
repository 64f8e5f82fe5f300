extension QueryNode {
    /// The node with its boost multiplied by `factor` (`nil` leaves it as it is).
    /// ``matchNone`` and ``filter(_:)`` have no boost and are returned unchanged.
    func boosted(by factor: Double?) -> QueryNode {
        guard let factor else { return self }
        switch self {
        case .term(let text, let field, let boost):
            return .term(text: text, field: field, boost: boost * factor)
        case .prefix(let text, let field, let boost):
            return .prefix(text: text, field: field, boost: boost * factor)
        case .fuzzy(let text, let maxEdits, let field, let boost):
            return .fuzzy(text: text, maxEdits: maxEdits, field: field, boost: boost * factor)
        case .phrase(let words, let slop, let field, let boost):
            return .phrase(words: words, slop: slop, field: field, boost: boost * factor)
        case .boolean(let clauses, let boost):
            return .boolean(clauses: clauses, boost: boost * factor)
        case .filter, .matchNone:
            return self
        }
    }

    /// The phrase with slop `slop` (`nil`, or a node that is not a phrase, is returned
    /// unchanged).
    func withSlop(_ slop: Int?) -> QueryNode {
        guard let slop, case .phrase(let words, _, let field, let boost) = self else { return self }
        return .phrase(words: words, slop: slop, field: field, boost: boost)
    }

    /// The term made fuzzy, within `maxEdits` edits (`nil`: by its length); any other node
    /// is returned unchanged.
    func fuzzy(maxEdits: Int?) -> QueryNode {
        guard case .term(let text, let field, let boost) = self else { return self }
        return .fuzzy(text: text, maxEdits: maxEdits, field: field, boost: boost)
    }
}
