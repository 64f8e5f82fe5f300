/// One retrieved document of a run: its identifier and the score the engine gave it.
public struct ScoredDocument: Sendable, Hashable {
    /// The document identifier, as in the qrels (compared with Swift `String` equality).
    public var docid: String
    /// The retrieval score; higher ranks first.
    public var score: Double

    /// Creates a scored document.
    public init(docid: String, score: Double) {
        self.docid = docid
        self.score = score
    }
}
