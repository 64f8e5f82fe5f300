import LoupeIndex
import LoupeQuery

/// A query planned with RM3 feedback: the weight to run, what the expansion was, and the boost
/// the original query's words now carry (the proximity pairs are scaled by it too).
struct ExpandedQuery {
    let weight: Weight
    let expansion: QueryExpansion
    let originalBoost: Double
}

extension QueryPlanner {
    /// RM3 (Abdul-Jaleel et al., TREC 2004, as Anserini runs it): `node`, whose weight is
    /// `original`, rewritten with the relevance model of `feedback` (its first-pass best
    /// documents, best first, with their scores). The rewrite is planned here once, like any
    /// query: the expansion terms are BM25F term weights over the default fields.
    ///
    /// A query of plain words (optional words in the default fields, as `a b c` with the OR
    /// operator) becomes the union of its terms and the model's, each boosted by its
    /// interpolated weight (``QueryExpansion/terms``), which block-max MaxScore runs like any
    /// union of words. Any other query is kept whole as the required clause, its boost scaled
    /// to `originalQueryWeight / n`, with the model's terms as optional clauses: the expansion
    /// then only reorders what the query matches. With no feedback documents, or none that has
    /// a feedback term, the query is unchanged.
    func expand(_ node: QueryNode, original: Weight, feedback: [ScoredDoc], parameters: ExpansionParameters) throws -> ExpandedQuery {
        let defaultFields = fields(nil)
        let model = try RelevanceModel(
            feedback: feedback, feedbackTerms: parameters.feedbackTerms, fields: defaultFields.map(\.0), reader: reader)
        let alpha = parameters.originalQueryWeight
        guard !model.entries.isEmpty else {
            return ExpandedQuery(
                weight: original, expansion: QueryExpansion(terms: [], originalQueryBoost: nil, feedbackDocuments: feedback.count),
                originalBoost: 1)
        }
        if let words = plainWords(node) {
            var query: [String: Double] = [:]
            for (text, boost) in words {
                for token in reader.analyzer.tokens(text) { query[token.term, default: 0] += boost }
            }
            let mass = query.values.reduce(0, +)
            var interpolated: [String: Double] = [:]
            if mass > 0 {
                for (term, weight) in query { interpolated[term, default: 0] += alpha * weight / mass }
            }
            for entry in model.entries { interpolated[entry.term, default: 0] += (1 - alpha) * entry.weight }
            let terms = RelevanceModel.heaviest(
                interpolated.filter { $0.value > 0 }.map { RelevanceModel.Entry(term: $0.key, weight: $0.value) }, interpolated.count)
            let weight = union(try terms.map { try weightedTerm($0.term, defaultFields, boost: $0.weight) })
            return ExpandedQuery(
                weight: weight,
                expansion: QueryExpansion(
                    terms: terms.map { QueryExpansion.Term(term: $0.term, weight: $0.weight) }, originalQueryBoost: nil,
                    feedbackDocuments: feedback.count),
                originalBoost: mass > 0 ? alpha / mass : 0)
        }
        let highlights = original.highlights
        let boost = alpha / Double(max(highlights.terms.count + highlights.phrases.count, 1))
        let terms = model.entries.map { QueryExpansion.Term(term: $0.term, weight: (1 - alpha) * $0.weight) }.filter { $0.weight > 0 }
        let kept = try plan(node, boost: boost)
        let added = union(try terms.map { try weightedTerm($0.term, defaultFields, boost: $0.weight) })
        let weight: Weight = kept is NoMatchWeight || added is NoMatchWeight
            ? kept : BooleanWeight(required: [kept], optional: added, prohibited: nil)
        return ExpandedQuery(
            weight: weight, expansion: QueryExpansion(terms: terms, originalQueryBoost: boost, feedbackDocuments: feedback.count),
            originalBoost: boost)
    }

    /// The words of a query of plain words with their boosts: a word, or optional words, in the
    /// default fields; nil for any other query.
    private func plainWords(_ node: QueryNode) -> [(text: String, boost: Double)]? {
        switch node {
        case .term(let text, nil, let boost):
            return [(text, boost)]
        case .boolean(let clauses, let boost):
            var words: [(text: String, boost: Double)] = []
            for clause in clauses {
                guard clause.occur == .should, case .term(let text, nil, let b) = clause.node else { return nil }
                words.append((text, boost * b))
            }
            return words.isEmpty ? nil : words
        default:
            return nil
        }
    }
}
