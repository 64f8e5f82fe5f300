/// The result of evaluating a run against qrels: per-query measures and their means.
public struct Evaluation: Sendable {
    /// Mean average precision (trec_eval `map`) over the evaluated queries.
    public var map: Double
    /// Mean nDCG at rank 10 (trec_eval `ndcg_cut.10`) over the evaluated queries.
    public var ndcg10: Double
    /// Mean precision at rank 10 (trec_eval `P.10`) over the evaluated queries.
    public var p10: Double
    /// Mean recall at rank 100 (trec_eval `recall.100`) over the evaluated queries.
    public var recall100: Double
    /// The number of evaluated queries: the keys of ``perQuery``, over which the means are taken.
    public var queries: Int
    /// The measures of each evaluated query, by query id.
    public var perQuery: [String: QueryMeasures]
    /// Queries with a relevant document in the qrels but no document in the run, in qrels order.
    /// They are in ``perQuery`` (all measures 0) only when evaluated with `countMissingAsZero`.
    public var missingQueries: [String]
}

/// Evaluates `run` against `qrels` with the definitions of trec_eval (as reproduced by the
/// project's trec_eval.py), giving the same numbers.
///
/// - Only queries with at least one relevant document in `qrels` are evaluated; others are
///   ignored, as are run queries absent from `qrels`.
/// - Each query's documents are ranked by score descending, equal scores by docid descending
///   in code-point order; the rank column of a run file plays no part. (NaN scores, for which
///   the reference has no defined order, rank last.)
/// - A judged query with no documents in the run is skipped, unless `countMissingAsZero` is
///   true (trec_eval `-c`), in which case it scores 0 on every measure and counts in the means.
/// - The means are taken over the evaluated queries in qrels order; with none, every mean is 0.
///
/// See ``QueryMeasures`` for the definition of each measure.
public func evaluate(run: Run, qrels: Qrels, countMissingAsZero: Bool = false) -> Evaluation {
    var perQuery: [String: QueryMeasures] = [:]
    var evaluated: [QueryMeasures] = []
    var missing: [String] = []
    for query in qrels.judgedQueryIDs {
        let measures: QueryMeasures
        if let documents = run.results[query] {
            let ranking = TrecOrder.sorted(documents).map(\.docid)
            measures = QueryMeasures(judgments: qrels.relevance[query, default: [:]], ranking: ranking)
        } else {
            missing.append(query)
            guard countMissingAsZero else { continue }
            measures = .zero
        }
        perQuery[query] = measures
        evaluated.append(measures)
    }
    func mean(_ measure: KeyPath<QueryMeasures, Double>) -> Double {
        guard !evaluated.isEmpty else { return 0 }
        var sum = 0.0
        for measures in evaluated { sum += measures[keyPath: measure] }
        return sum / Double(evaluated.count)
    }
    return Evaluation(
        map: mean(\.map), ndcg10: mean(\.ndcg10), p10: mean(\.p10), recall100: mean(\.recall100),
        queries: evaluated.count, perQuery: perQuery, missingQueries: missing
    )
}
