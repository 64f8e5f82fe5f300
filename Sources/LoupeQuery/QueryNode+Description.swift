extension QueryNode: CustomStringConvertible {
    /// The query in canonical Lucene-like syntax, for tests, logs and `explain`: fields as
    /// `title:`, boosts as `^2` (omitted when 1), slop as `~2` (omitted when 0), clauses as
    /// `+must`, `should`, `-mustNot`, nested booleans in parentheses, text escaped.
    /// ``matchNone`` is the empty string.
    ///
    /// Parsing the description with the default operator `OR` gives back the same tree for
    /// any tree the parser made.
    public var description: String {
        if case .boolean(let clauses, 1) = self {
            return Self.clauseList(clauses)
        }
        return nested
    }

    /// The node as written inside a boolean: booleans in parentheses.
    private var nested: String {
        switch self {
        case .term(let text, let field, let boost):
            return Self.fieldPrefix(field) + QueryTextEscaping.word(text) + Self.boostSuffix(boost)
        case .prefix(let text, let field, let boost):
            return Self.fieldPrefix(field) + QueryTextEscaping.word(text) + "*" + Self.boostSuffix(boost)
        case .fuzzy(let text, let maxEdits, let field, let boost):
            let edits = maxEdits.map(String.init) ?? ""
            return Self.fieldPrefix(field) + QueryTextEscaping.word(text) + "~" + edits + Self.boostSuffix(boost)
        case .phrase(let words, let slop, let field, let boost):
            let quoted = "\"" + words.map(QueryTextEscaping.phraseWord).joined(separator: " ") + "\""
            let slopSuffix = slop == 0 ? "" : "~\(slop)"
            return Self.fieldPrefix(field) + quoted + slopSuffix + Self.boostSuffix(boost)
        case .boolean(let clauses, let boost):
            return "(" + Self.clauseList(clauses) + ")" + Self.boostSuffix(boost)
        case .filter(let filter):
            return filter.description
        case .matchNone:
            return ""
        }
    }

    private static func clauseList(_ clauses: [QueryClause]) -> String {
        clauses.map { clause in
            switch clause.occur {
            case .must: "+" + clause.node.nested
            case .should: clause.node.nested
            case .mustNot: "-" + clause.node.nested
            }
        }.joined(separator: " ")
    }

    private static func fieldPrefix(_ field: Field?) -> String {
        field.map { $0.rawValue + ":" } ?? ""
    }

    private static func boostSuffix(_ boost: Double) -> String {
        boost == 1 ? "" : "^" + DecimalFormatting.string(boost)
    }
}
