import LoupeAnalysis
import LoupeIndex
import LoupeQuery

/// Turns a query tree into a scorer tree bound to one reader's statistics: analyzes words with
/// the index's analyzer, expands default fields and prefixes, and weights every leaf with BM25.
struct QueryPlanner {
    let reader: IndexReader
    let options: SearchOptions
    let parameters: BM25Parameters

    func plan(_ node: QueryNode) throws -> Scorer {
        try plan(node, boost: 1) ?? EmptyScorer()
    }

    /// nil when the node can match nothing (unknown words, only stop words).
    private func plan(_ node: QueryNode, boost: Double) throws -> Scorer? {
        switch node {
        case .matchNone:
            return nil
        case .term(let text, let field, let b):
            let tokens = reader.analyzer.tokens(text)
            if tokens.count > 1 { return union(try tokens.compactMap { try weightedTerm($0.term, fields(field), boost: boost * b) }) }
            guard let token = tokens.first else { return nil }
            return try weightedTerm(token.term, fields(field), boost: boost * b)
        case .prefix(let text, let field, let b):
            let prefix = reader.analyzer.normalize(text)
            guard !prefix.isEmpty else { return nil }
            var terms: [String] = []
            for (f, _) in fields(field) {
                let expansions = try reader.terms(f, prefix: prefix, limit: options.maxExpansions + 1)
                if expansions.count > options.maxExpansions {
                    throw SearchError.limitExceeded(
                        "\(text)* matches more than \(options.maxExpansions) terms in \(f.name); use a longer prefix or raise max_expansions")
                }
                terms += expansions.map(\.term)
            }
            return union(try Set(terms).sorted().compactMap { try weightedTerm($0, fields(field), boost: boost * b) })
        case .fuzzy(let text, let maxEdits, let field, let b):
            let expansions = try FuzzyExpansion.terms(
                text, maxEdits: maxEdits, fields: fields(field).map(\.0), reader: reader, maxExpansions: options.maxExpansions)
            return union(try expansions.compactMap { try weightedTerm($0.term, fields(field), boost: boost * b * $0.boost) })
        case .phrase(let words, let slop, let field, let b):
            let text = words.joined(separator: " ")
            let tokens = reader.analyzer.tokens(text)
            if tokens.count == 1 { return try plan(.term(text: text, field: field, boost: b), boost: boost) }
            return try phrase(tokens, slop: slop, field: field, boost: boost * b, text: text)
        case .boolean(let clauses, let b):
            return try boolean(clauses, boost: boost * b)
        case .filter:
            return FilterScorer(try DocFilter.of(node, reader))
        }
    }

    /// The terms and phrases a snippet should mark for `node` (its positive clauses only).
    func highlights(_ node: QueryNode) throws -> HighlightTerms {
        var out = HighlightTerms()
        try collectHighlights(node, into: &out)
        return out
    }

    private func collectHighlights(_ node: QueryNode, into out: inout HighlightTerms) throws {
        switch node {
        case .matchNone, .filter:
            return
        case .term(let text, _, _):
            for token in reader.analyzer.tokens(text) { out.terms.insert(token.term) }
        case .prefix(let text, let field, _):
            let prefix = reader.analyzer.normalize(text)
            guard !prefix.isEmpty else { return }
            for (f, _) in fields(field) {
                for (term, _) in try reader.terms(f, prefix: prefix, limit: options.maxExpansions) { out.terms.insert(term) }
            }
        case .fuzzy(let text, let maxEdits, let field, _):
            let expansions = try FuzzyExpansion.terms(
                text, maxEdits: maxEdits, fields: fields(field).map(\.0), reader: reader, maxExpansions: options.maxExpansions)
            for expansion in expansions { out.terms.insert(expansion.term) }
        case .phrase(let words, _, _, _):
            let tokens = reader.analyzer.tokens(words.joined(separator: " "))
            if tokens.count == 1 {
                out.terms.insert(tokens[0].term)
            } else if let first = tokens.first {
                out.phrases.append(tokens.map { ($0.term, $0.position - first.position) })
            }
        case .boolean(let clauses, _):
            for clause in clauses where clause.occur != .mustNot { try collectHighlights(clause.node, into: &out) }
        }
    }

    private func fields(_ field: Field?) -> [(IndexField, Double)] {
        guard let field else {
            return options.fields.sorted { $0.key.rawValue < $1.key.rawValue }.map { ($0.key, $0.value) }
        }
        switch field {
        case .body: return [(.body, 1)]
        case .title: return [(.title, 1)]
        case .path: return [(.path, 1)]
        }
    }

    private func union(_ scorers: [Scorer]) -> Scorer? {
        switch scorers.count {
        case 0: nil
        case 1: scorers[0]
        default: DisjunctionScorer(scorers)
        }
    }

    /// One term over `fields`: plain BM25 for a single field, BM25F for several.
    func weightedTerm(_ term: String, _ fields: [(IndexField, Double)], boost: Double) throws -> Scorer? {
        if fields.count == 1 { return try termScorer(term, fields[0].0, boost: boost * fields[0].1) }
        var postings: [BM25FTermScorer.FieldPostings] = []
        var docFreq: UInt32 = 0
        for (field, weight) in fields {
            guard let info = try reader.termInfo(field, term), info.docFreq > 0 else { continue }
            let p = TermPostings(chunks: try reader.postingsChunks(info), info: info)
            guard p.doc != terminatedDoc else { continue }
            docFreq = max(docFreq, info.docFreq)
            let average = reader.statistics.averageLength(field)
            postings.append(.init(
                field: field, postings: p, lengths: reader.lengths(field), weight: weight, base: 1 - parameters.b,
                slope: average > 0 ? parameters.b / average : 0))
        }
        guard !postings.isEmpty else { return nil }
        let idf = BM25.idf(docFreq: Double(docFreq), docCount: Double(reader.statistics.liveDocs))
        return BM25FTermScorer(term: term, fields: postings, idf: idf, boost: boost, parameters: parameters, reader: reader)
    }

    func weight(docFreq: Double, field: IndexField, boost: Double) -> TermWeight {
        let n = Double(reader.statistics.liveDocs)
        return TermWeight(
            idf: BM25.idf(docFreq: docFreq, docCount: n), boost: boost, parameters: parameters,
            averageLength: reader.statistics.averageLength(field))
    }

    func termScorer(_ term: String, _ field: IndexField, boost: Double) throws -> TermScorer? {
        guard let info = try reader.termInfo(field, term), info.docFreq > 0 else { return nil }
        let postings = TermPostings(chunks: try reader.postingsChunks(info), info: info)
        guard postings.doc != terminatedDoc else { return nil }
        return TermScorer(
            term: term, field: field, postings: postings, weight: weight(docFreq: Double(info.docFreq), field: field, boost: boost),
            reader: reader)
    }

    private func phrase(_ tokens: [AnalyzedToken], slop: Int, field: Field?, boost: Double, text: String) throws -> Scorer? {
        guard let first = tokens.first else { return nil }
        var scorers: [Scorer] = []
        fieldLoop: for (f, w) in fields(field) {
            var terms: [TermScorer] = []
            var idf = 0.0
            for token in tokens {
                guard let t = try termScorer(token.term, f, boost: 1) else { continue fieldLoop }
                terms.append(t)
                idf += t.weight.idf
            }
            let weight = TermWeight(
                idf: idf, boost: boost * w, parameters: parameters, averageLength: reader.statistics.averageLength(f))
            scorers.append(PhraseScorer(
                text: text, field: f, terms: terms, offsets: tokens.map { $0.position - first.position }, slop: slop,
                weight: weight, reader: reader))
        }
        return union(scorers)
    }

    private func boolean(_ clauses: [QueryClause], boost: Double) throws -> Scorer? {
        if let filter = try DocFilter.of(clauses, reader) { return try filtered(clauses.filter { !$0.node.isFilterOnly }, filter, boost: boost) }
        var must: [Scorer] = [], should: [Scorer] = [], mustNot: [Scorer] = []
        for clause in clauses {
            let scorer = try plan(clause.node, boost: boost)
            switch clause.occur {
            case .must:
                guard let scorer else { return nil }  // a required clause that matches nothing
                must.append(scorer)
            case .should:
                if let scorer { should.append(scorer) }
            case .mustNot:
                if let scorer { mustNot.append(scorer) }
            }
        }
        var positive: Scorer
        if must.isEmpty {
            // Only prohibited clauses: documented to match nothing.
            guard let union = union(should) else { return nil }
            positive = union
        } else {
            positive = must.count == 1 ? must[0] : ConjunctionScorer(must)
            if let optional = union(should) { positive = RequiredOptionalScorer(required: positive, optional: optional) }
        }
        if let negative = union(mustNot) { positive = ExclusionScorer(positive: positive, negative: negative) }
        return positive
    }

    /// The clauses that score, restricted by `filter`; only the filter (score 0) when none is
    /// positive, minus the excluded clauses.
    private func filtered(_ scoring: [QueryClause], _ filter: DocFilter, boost: Double) throws -> Scorer? {
        guard scoring.contains(where: { $0.occur != .mustNot }) else {
            let listed = FilterScorer(filter)
            let excluded = try scoring.compactMap { try plan($0.node, boost: boost) }
            return union(excluded).map { ExclusionScorer(positive: listed, negative: $0) } ?? listed
        }
        return try boolean(scoring, boost: boost).map { FilteredScorer(positive: $0, filter: filter) }
    }
}
