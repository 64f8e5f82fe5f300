import LoupeAnalysis
import LoupeQuery

/// Term proximity in the default ranking: documents where the query's words occur near each
/// other rank higher.
///
/// For a query of several plain words, each pair of neighbouring words (after stop words are
/// dropped) is added as an optional sloppy phrase, `"a b"~8^0.1`: it never changes what matches,
/// only the order (`explain` shows the pairs' parts). This is the pair part of the sequential dependence model (Metzler and Croft,
/// SIGIR 2005), which scores adjacent query-term pairs in unordered windows of 8 beside the
/// terms themselves, and what Lucene's edismax `pf2` does; docs/ranking.md gives the evidence
/// and the figures on the four collections.
///
/// Only the top level of the query is looked at, and only its plain words searched in the
/// default fields (`title:x`, prefixes, fuzzy words, phrases, groups and excluded words are
/// left alone and break the chain of neighbours). Filters are passed over: they neither pair
/// nor break the chain, so that words keep the same scores with or without them.
enum ProximityClauses {
    /// The slop of a pair, in Lucene's sense: the second word up to 8 positions after the first,
    /// or fewer before it, close to the model's unordered window of 8 (`#uw8`).
    static let slop = 8
    /// The weight of a pair clause against a word's.
    static let boost = 0.1

    /// `node` with its proximity clauses added; `node` itself when it has fewer than two
    /// neighbouring plain words.
    static func adding(to node: QueryNode, analyzer: Analyzer) -> QueryNode {
        guard case .boolean(let clauses, let boost) = node else { return node }
        var pairs: [QueryClause] = []
        var previous: String?
        for clause in clauses where !clause.node.isFilterOnly {
            guard clause.occur != .mustNot, case .term(let text, nil, _) = clause.node else {
                previous = nil
                continue
            }
            // A stop word does not break the chain: the model pairs the words that remain.
            guard analyzer.tokens(text).count == 1 else { continue }
            if let previous {
                pairs.append(QueryClause(occur: .should, node: .phrase(words: [previous, text], slop: slop, field: nil, boost: Self.boost)))
            }
            previous = text
        }
        guard !pairs.isEmpty else { return node }
        return .boolean(clauses: clauses + pairs, boost: boost)
    }
}
