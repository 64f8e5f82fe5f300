/// How top-k documents are retrieved. Every algorithm returns the same hits (same ids, scores
/// within rounding, ties broken by lower doc id); they differ only in how much they skip.
public enum RetrievalAlgorithm: String, Sendable, CaseIterable, Codable {
    /// Score every matching document (the reference).
    case exhaustive
    /// MaxScore with block-max bounds: lists whose best possible contribution cannot lift a
    /// document into the top k only get probed for documents the others found.
    case maxscore
    /// Block-max WAND: pivot on sorted upper bounds, then skip whole blocks whose block-max
    /// bounds cannot beat the threshold.
    case bmw
}
