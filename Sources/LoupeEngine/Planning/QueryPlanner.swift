import LoupeAnalysis
import LoupeIndex
import LoupeQuery

/// Turns a query tree into one ``Weight`` bound to one reader's statistics: analyzes words with
/// the index's analyzer, expands default fields and prefixes, and weights every leaf with BM25
/// (BM25F for a word over several fields). This is the only place that walks the query tree.
struct QueryPlanner {
    let reader: IndexReader
    let options: SearchOptions
    let parameters: BM25Parameters
    /// The length tables of this query's fields, shared by all its leaves.
    let norms: NormTables

    init(reader: IndexReader, options: SearchOptions, parameters: BM25Parameters) {
        self.reader = reader
        self.options = options
        self.parameters = parameters
        norms = NormTables(reader: reader, parameters: parameters)
    }

    func plan(_ node: QueryNode) throws -> Weight {
        try plan(node, boost: 1)
    }

    /// `node` with every score multiplied by `boost`; a ``NoMatchWeight`` when the node can match
    /// nothing (unknown words, only stop words).
    func plan(_ node: QueryNode, boost: Double) throws -> Weight {
        switch node {
        case .matchNone:
            return NoMatchWeight()
        case .term(let text, let field, let b):
            let tokens = reader.analyzer.tokens(text)
            return union(try tokens.map { try weightedTerm($0.term, fields(field), boost: boost * b) })
        case .prefix(let text, let field, let b):
            let prefix = reader.analyzer.normalize(text)
            guard !prefix.isEmpty else { return NoMatchWeight() }
            var terms: [String] = []
            for (f, _) in fields(field) {
                let expansions = try reader.terms(f, prefix: prefix, limit: options.maxExpansions + 1)
                if expansions.count > options.maxExpansions {
                    throw SearchError.limitExceeded(
                        "\(text)* matches more than \(options.maxExpansions) terms in \(f.name); use a longer prefix or raise max_expansions")
                }
                terms += expansions.map(\.term)
            }
            return union(try Set(terms).sorted().map { try weightedTerm($0, fields(field), boost: boost * b) })
        case .fuzzy(let text, let maxEdits, let field, let b):
            let expansions = try FuzzyExpansion.terms(
                text, maxEdits: maxEdits, fields: fields(field).map(\.0), reader: reader, maxExpansions: options.maxExpansions)
            return union(try expansions.map { try weightedTerm($0.term, fields(field), boost: boost * b * $0.boost) })
        case .phrase(let words, let slop, let field, let b):
            let text = words.joined(separator: " ")
            let tokens = reader.analyzer.tokens(text)
            if tokens.count == 1 { return try plan(.term(text: text, field: field, boost: b), boost: boost) }
            guard let first = tokens.first else { return NoMatchWeight() }
            let offsets = tokens.map { (term: $0.term, offset: $0.position - first.position) }
            let perField = try fields(field).compactMap { f, w in
                try PhraseWeight(
                    text: text, tokens: offsets, slop: slop, field: f, boost: boost * b * w, norms: norms, reader: reader)
            }
            guard !perField.isEmpty else {
                var highlight = HighlightTerms()
                highlight.add(phrase: offsets)
                return NoMatchWeight(highlights: highlight)
            }
            return union(perField)
        case .boolean(let clauses, let b):
            return try boolean(clauses, boost: boost * b)
        case .filter:
            return FilterWeight(try DocFilter.of(node, reader))
        }
    }

    func fields(_ field: Field?) -> [(IndexField, Double)] {
        guard let field else {
            return options.fields.sorted { $0.key.rawValue < $1.key.rawValue }.map { ($0.key, $0.value) }
        }
        switch field {
        case .body: return [(.body, 1)]
        case .title: return [(.title, 1)]
        case .path: return [(.path, 1)]
        }
    }

    /// The union of `weights`; the words of those that match nothing are still marked.
    func union(_ weights: [Weight]) -> Weight {
        let matching = weights.filter { !($0 is NoMatchWeight) }
        var unmatched = HighlightTerms()
        for weight in weights where weight is NoMatchWeight { weight.addHighlights(to: &unmatched) }
        if matching.isEmpty { return NoMatchWeight(highlights: unmatched) }
        if matching.count == 1 && matching.count == weights.count { return matching[0] }
        return DisjunctionWeight(matching, unmatched: unmatched)
    }

    /// One term over `fields`: plain BM25 for a single field, BM25F for several.
    func weightedTerm(_ term: String, _ fields: [(IndexField, Double)], boost: Double) throws -> Weight {
        var missing = HighlightTerms()
        missing.terms.insert(term)
        if fields.count == 1 {
            let weight = try TermQueryWeight(term: term, field: fields[0].0, boost: boost * fields[0].1, norms: norms, reader: reader)
            return weight ?? NoMatchWeight(highlights: missing)
        }
        let weight = try FieldsTermWeight(term: term, fields: fields, boost: boost, norms: norms, reader: reader)
        return weight ?? NoMatchWeight(highlights: missing)
    }

    private func boolean(_ clauses: [QueryClause], boost: Double) throws -> Weight {
        if let filter = try DocFilter.of(clauses, reader) { return try filtered(clauses.filter { !$0.node.isFilterOnly }, filter, boost: boost) }
        var must: [Weight] = [], should: [Weight] = [], mustNot: [Weight] = []
        var unmatched = HighlightTerms()
        for clause in clauses {
            let weight = try plan(clause.node, boost: boost)
            if weight is NoMatchWeight {
                // A required clause that matches nothing: so does the query.
                if clause.occur == .must { return NoMatchWeight() }
                if clause.occur == .should { weight.addHighlights(to: &unmatched) }
                continue
            }
            switch clause.occur {
            case .must: must.append(weight)
            case .should: should.append(weight)
            case .mustNot: mustNot.append(weight)
            }
        }
        let optional: Weight? = should.isEmpty ? nil : union(should)
        let prohibited: Weight? = mustNot.isEmpty ? nil : union(mustNot)
        let positive: Weight
        if must.isEmpty {
            // Only prohibited clauses: documented to match nothing.
            guard let optional else { return NoMatchWeight(highlights: unmatched) }
            positive = prohibited == nil ? optional : BooleanWeight(required: [optional], optional: nil, prohibited: prohibited)
        } else if must.count == 1 && optional == nil && prohibited == nil {
            positive = must[0]
        } else {
            positive = BooleanWeight(required: must, optional: optional, prohibited: prohibited)
        }
        let hasUnmatched = !unmatched.terms.isEmpty || !unmatched.phrases.isEmpty
        return hasUnmatched ? DisjunctionWeight([positive], unmatched: unmatched) : positive
    }

    /// The clauses that score, restricted by `filter`; only the filter (score 0) when none is
    /// positive, minus the excluded clauses.
    private func filtered(_ scoring: [QueryClause], _ filter: DocFilter, boost: Double) throws -> Weight {
        guard scoring.contains(where: { $0.occur != .mustNot }) else {
            let excluded = try scoring.map { try plan($0.node, boost: boost) }.filter { !($0 is NoMatchWeight) }
            let listed = FilterWeight(filter)
            guard !excluded.isEmpty else { return listed }
            return BooleanWeight(required: [listed], optional: nil, prohibited: union(excluded))
        }
        let positive = try boolean(scoring, boost: boost)
        return positive is NoMatchWeight ? positive : FilteredWeight(positive: positive, filter: filter)
    }
}
