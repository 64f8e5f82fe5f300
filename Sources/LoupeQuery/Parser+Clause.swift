extension Parser {
    /// The clause whose content starts with `start` (already consumed), with its boost and
    /// slop; `nil` when it holds nothing searchable. `field` applies to leaves that name none.
    mutating func parseClause(
        _ content: ClauseContent, startingAt start: Token, field: Field?
    ) throws(QuerySyntaxError) -> QueryNode? {
        let node: QueryNode?
        var tilde = TildeMeaning.none
        switch content {
        case .field(let named):
            return try parseFieldValue(of: named, spelledAs: start, inherited: field)
        case .word(let word):
            node = try wordNode(word, field: field)
            if !word.isPrefix { tilde = .editDistance }
        case .phrase(let words):
            node = try phraseNode(words, at: start.column, field: field)
            tilde = .slop
        case .group:
            node = try parseGroup(openedAt: start.column, field: field)
        case .filter(let name, let value):
            return try filterNode(name: name, value: value, spelledAs: start, field: field)
        }
        return try parseSuffixes(of: node, tilde: tilde)
    }

    /// What follows `field:`: a term, phrase or group, possibly after spaces. Without one,
    /// the field name is read as a term in lenient mode.
    mutating func parseFieldValue(
        of field: Field, spelledAs fieldToken: Token, inherited: Field?
    ) throws(QuerySyntaxError) -> QueryNode? {
        guard let next = try peek(), let content = ClauseContent(next.kind), !content.isField else {
            try report(.missingFieldValue(field), at: fieldToken.column)
            return try counted(.term(text: fieldToken.spelling, field: inherited, boost: 1))
        }
        index += 1
        return try parseClause(content, startingAt: next, field: field)
    }

    /// A term or prefix; `nil` when the word has no letter or digit.
    mutating func wordNode(_ word: WordToken, field: Field?) throws(QuerySyntaxError) -> QueryNode? {
        if let problem = word.problem {
            try report(problem.problem, at: problem.column)
        }
        guard SearchableText.carriesText(word.text) else { return nil }
        if word.isPrefix {
            return try counted(.prefix(text: word.text, field: field, boost: 1))
        }
        return try counted(.term(text: word.text, field: field, boost: 1))
    }

    /// The filter `name:value`. A value that is not valid is an error in strict mode; lenient
    /// mode reads the whole token as text, as it reads an unknown field.
    mutating func filterNode(name: String, value: String, spelledAs token: Token, field: Field?) throws(QuerySyntaxError) -> QueryNode? {
        switch FilterValueParser.filter(name: name, value: value) {
        case .success(let filter):
            return try counted(.filter(filter))
        case .failure(let error):
            try report(.invalidFilter(name: name, value: value, reason: error.reason), at: token.column)
            guard SearchableText.carriesText(token.spelling) else { return nil }
            return try counted(.term(text: token.spelling, field: field, boost: 1))
        }
    }

    /// A phrase; `nil` when it has no word with a letter or digit.
    mutating func phraseNode(
        _ words: [String], at column: Int, field: Field?
    ) throws(QuerySyntaxError) -> QueryNode? {
        if words.isEmpty {
            try report(.emptyPhrase, at: column)
        }
        guard words.contains(where: SearchableText.carriesText) else { return nil }
        return try counted(.phrase(words: words, slop: 0, field: field, boost: 1))
    }

    /// The group opened at `column` (its `(` already consumed) up to its `)`.
    mutating func parseGroup(openedAt column: Int, field: Field?) throws(QuerySyntaxError) -> QueryNode? {
        guard depth < options.maxDepth else {
            throw .invalidSyntax(.nestingTooDeep(limit: options.maxDepth), column: column)
        }
        if index < tokens.count, tokens[index].kind == .closeParenthesis {
            try report(.emptyGroup, at: column)
            index += 1
            return nil
        }
        depth += 1
        let content = try parseDisjunction(field: field)
        depth -= 1
        guard let close = try peek(), close.kind == .closeParenthesis else {
            throw .invalidSyntax(.unclosedParenthesis, column: column)
        }
        index += 1
        return content?.standaloneNode
    }

    /// What `~` means after a clause.
    enum TildeMeaning {
        /// Nothing: a group or a prefix takes no `~`.
        case none
        /// A phrase's slop, `~n`.
        case slop
        /// A word's fuzzy distance: `~` alone, `~0`, `~1` or `~2`.
        case editDistance
    }

    /// The boost (`^n`) and the `~` suffix that `tilde` allows, written right after a clause,
    /// each at most once, applied to `node`.
    mutating func parseSuffixes(of node: QueryNode?, tilde: TildeMeaning) throws(QuerySyntaxError) -> QueryNode? {
        var boost: Double?
        var slop: Int?
        var fuzzy: Int?? = .none
        suffixes: while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .boost(let number):
                if boost != nil {
                    try report(.misplacedBoost, at: token.column)
                } else if let value = NumberSyntax.boost(number) {
                    boost = value
                } else {
                    try report(.invalidBoost(number), at: token.column)
                }
            case .slop(let number) where tilde == .editDistance:
                if fuzzy != nil {
                    try report(.misplacedSlop, at: token.column)
                } else if number.isEmpty {
                    fuzzy = .some(nil)
                } else if let value = NumberSyntax.slop(number), (0...2).contains(value) {
                    fuzzy = .some(value)
                } else {
                    try report(.invalidEditDistance(number), at: token.column)
                }
            case .slop(let number):
                if tilde != .slop || slop != nil {
                    try report(.misplacedSlop, at: token.column)
                } else if let value = NumberSyntax.slop(number) {
                    slop = value
                } else {
                    try report(.invalidSlop(number), at: token.column)
                }
            default:
                break suffixes
            }
            index += 1
        }
        if case .some(let maxEdits) = fuzzy { return node?.fuzzy(maxEdits: maxEdits).boosted(by: boost) }
        return node?.withSlop(slop).boosted(by: boost)
    }

    /// `leaf`, after counting it against `maxClauses`.
    mutating func counted(_ leaf: QueryNode) throws(QuerySyntaxError) -> QueryNode {
        leafCount += 1
        guard leafCount <= options.maxClauses else {
            throw .tooManyClauses(limit: options.maxClauses)
        }
        return leaf
    }
}
