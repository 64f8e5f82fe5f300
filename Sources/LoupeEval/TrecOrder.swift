/// The order in which trec_eval ranks a query's documents, whatever order the run lists them in.
///
/// Score descending; equal scores by docid descending in code-point order (Python string order,
/// which is also UTF-8 byte order), so `"9"` ranks before `"10"`. `-0.0` and `0.0` are equal
/// scores. A NaN score has no defined place in the reference (Python's sort sees it as neither
/// above nor below anything); here NaN scores rank after every number, ties again by docid.
enum TrecOrder {
    /// `documents` sorted into evaluation order.
    static func sorted(_ documents: [ScoredDocument]) -> [ScoredDocument] {
        documents.sorted(by: precedes)
    }

    /// True when `a` ranks strictly before `b`.
    static func precedes(_ a: ScoredDocument, _ b: ScoredDocument) -> Bool {
        if a.score.isNaN != b.score.isNaN { return b.score.isNaN }
        if !a.score.isNaN, a.score != b.score { return a.score > b.score }
        return b.docid.utf8.lexicographicallyPrecedes(a.docid.utf8)
    }
}
