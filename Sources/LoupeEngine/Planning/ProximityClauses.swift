import LoupeAnalysis
import LoupeQuery

/// Term proximity in the default ranking: documents where the query's words occur near each
/// other rank higher.
///
/// For a query of several plain words, each pair of neighbouring words (after stop words are
/// dropped) scores as an optional sloppy phrase, `"a b"~8^0.1`: it never changes what matches,
/// only the order (`explain` shows the pairs' parts). The pairs rescore the best
/// ``rescoreWindow`` documents by the words alone (or more when more are asked for), as Lucene's
/// `QueryRescorer` and Elasticsearch's phrase rescoring do, so that finding them keeps the block-max
/// pruning of the words' own query and the phrases are matched against a few documents only. This is the pair part of the sequential dependence model (Metzler and Croft,
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

    /// The documents the pairs rescore at least: the best this many by the words alone.
    static let rescoreWindow = 100

    /// `node` with its proximity clauses added; `node` itself when it has fewer than two
    /// neighbouring plain words.
    static func adding(to node: QueryNode, analyzer: Analyzer) -> QueryNode {
        let pairs = pairs(of: node, analyzer: analyzer)
        guard case .boolean(let clauses, let boost) = node, !pairs.isEmpty else { return node }
        return .boolean(clauses: clauses + pairs, boost: boost)
    }

    /// The pairs of `node` alone, as one query (`nil` when it has none).
    static func pairsQuery(of node: QueryNode, analyzer: Analyzer) -> QueryNode? {
        let pairs = pairs(of: node, analyzer: analyzer)
        switch pairs.count {
        case 0: return nil
        case 1: return pairs[0].node
        default: return .boolean(clauses: pairs, boost: 1)
        }
    }

    /// `ranked` (best first) with each document's pair score added, best first again.
    static func rescore(_ ranked: [ScoredDoc], with pairs: Scorer) -> [ScoredDoc] {
        var rescored = ranked.sorted { $0.doc < $1.doc }
        for i in rescored.indices where pairs.advance(to: rescored[i].doc) == rescored[i].doc {
            rescored[i].score += pairs.score()
        }
        return rescored.sorted(by: >)
    }

    /// The proximity clauses of `node`: one per pair of neighbouring plain words.
    private static func pairs(of node: QueryNode, analyzer: Analyzer) -> [QueryClause] {
        guard case .boolean(let clauses, _) = node else { return [] }
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
        return pairs
    }
}
