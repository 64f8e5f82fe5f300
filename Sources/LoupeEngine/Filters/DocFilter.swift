import LoupeIndex
import LoupeQuery

/// The filters of a query bound to one reader: a tree of non-scoring conditions on doc ids
/// (Lucene's FILTER clauses). Membership is random access (``matches(_:)``: a bit test for
/// `type:`/`ext:`, a column read for `modified:`/`size:`), so retrieval algorithms test it like
/// the tombstones, and pruning stays sound: a filter adds 0 to every score.
/// ``nextCandidate(atOrAfter:)`` lets a filter-only query jump over the documents no label holds.
final class DocFilter {
    indirect enum Node {
        /// Documents carrying a label (`type:`, `ext:`).
        case label(LabelDocs)
        /// Documents whose column value lies in the range (`modified:`, `size:`).
        case range(ColumnValues, FilterRange)
        case and([Node])
        case or([Node])
        case not(Node)
    }

    let root: Node
    /// Doc ids are below this.
    let docLimit: UInt32
    /// The filter in query syntax, for explanations.
    let text: String

    init(root: Node, docLimit: UInt32, text: String) {
        self.root = root
        self.docLimit = docLimit
        self.text = text
    }

    /// The condition `filter` reads on `reader`.
    static func node(_ filter: Filter, _ reader: IndexReader) throws -> Node {
        switch filter {
        case .type(let type): .label(try reader.documents(with: DocumentLabel(.type, type.rawValue)))
        case .ext(let ext): .label(try reader.documents(with: DocumentLabel(.ext, DocumentLabel.normalizedExtension(ext))))
        case .modified(let range): .range(reader.values(.modified), range)
        case .size(let range): .range(reader.values(.size), range)
        }
    }

    /// Whether `doc` passes (deleted documents are the caller's to skip).
    @inline(__always)
    func matches(_ doc: UInt32) -> Bool { Self.matches(root, doc) }

    private static func matches(_ node: Node, _ doc: UInt32) -> Bool {
        switch node {
        case .label(let docs): docs.contains(doc)
        case .range(let values, let range): range.contains(values.value(doc))
        case .and(let nodes): nodes.allSatisfy { matches($0, doc) }
        case .or(let nodes): nodes.contains { matches($0, doc) }
        case .not(let inner): !matches(inner, doc)
        }
    }

    /// A doc id ≥ `doc` below which no document from `doc` on passes (``docLimit`` when none
    /// does): labels skip to their next set bit; other conditions cannot skip.
    func nextCandidate(atOrAfter doc: UInt32) -> UInt32 { min(Self.candidate(root, doc, docLimit), docLimit) }

    private static func candidate(_ node: Node, _ doc: UInt32, _ limit: UInt32) -> UInt32 {
        switch node {
        case .label(let docs): docs.first(atOrAfter: doc) ?? limit
        case .range, .not: doc
        case .and(let nodes): nodes.reduce(doc) { max($0, candidate($1, doc, limit)) }
        case .or(let nodes): nodes.reduce(limit) { min($0, candidate($1, doc, limit)) }
        }
    }

    /// The explanation line of a document that passes: the filter, with score 0.
    var explanation: ScoreExplanation {
        ScoreExplanation(
            description: "filter " + text, field: "filter", tf: 0, docFreq: 0, docCount: 0, idf: 0, length: 0, averageLength: 0,
            k1: 0, b: 0, boost: 0, score: 0)
    }
}
