/// A stream of matching documents in increasing doc-id order, with a score for each.
///
/// A scorer stands on its first match once built; ``doc`` is ``terminatedDoc`` when exhausted.
/// `advance(to:)` with a target at or below ``doc`` does not move. ``maxScore`` bounds every score
/// the scorer can return, which pruning algorithms rely on.
public protocol Scorer: AnyObject {
    /// The current document, or ``terminatedDoc``.
    var doc: UInt32 { get }
    /// Moves to the next match.
    @discardableResult func next() -> UInt32
    /// Moves to the first match ≥ `target`.
    @discardableResult func advance(to target: UInt32) -> UInt32
    /// The score of the current document.
    func score() -> Double
    /// An upper bound of ``score()`` over all documents.
    var maxScore: Double { get }
    /// Appends the score's explanation for the current document to `into`.
    func explain(into: inout [ScoreExplanation])
}

/// One leaf of a score explanation: a term (or phrase) in one field, with every BM25 input.
public struct ScoreExplanation: Sendable, Equatable, Codable {
    public var description: String
    public var field: String
    public var tf: Double
    public var docFreq: Double
    public var docCount: Double
    public var idf: Double
    public var length: Double
    public var averageLength: Double
    public var k1: Double
    public var b: Double
    public var boost: Double
    public var score: Double
}
