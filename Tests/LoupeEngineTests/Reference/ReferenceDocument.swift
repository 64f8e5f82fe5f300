import LoupeAnalysis
import LoupeIndex

/// One live document as the index sees it, for the brute-force ``ReferenceMatcher``.
///
/// `IndexWriter` analyzes three fields of every document with the index's analyzer: the text
/// into `body`, the title into `title` and the external id into `path`. This value analyzes the
/// same strings with an analyzer of the same settings and keeps, for each field, every emitted
/// term with all of its positions. Positions are the analyzer's (a dropped stop word or an
/// over-long token still takes its position), so phrase gaps are the index's gaps.
struct ReferenceDocument: Sendable {
    /// The external id (also the text of the `path` field).
    let id: String
    /// The title, as given to the writer.
    let title: String
    /// The body text, as given to the writer.
    let text: String
    /// For each field, each term emitted for it and its positions in increasing order.
    let terms: [IndexField: [String: [Int]]]
    /// The metadata filters test, as given to the writer.
    let metadata: DocumentMetadata
    /// The size `size:` tests.
    let size: UInt64

    /// Analyzes `id`, `title` and `text` with `analyzer`, as `IndexWriter.add(_:)` does.
    init(id: String, title: String, text: String, analyzer: Analyzer, metadata: DocumentMetadata = DocumentMetadata(), size: UInt64 = 0) {
        self.id = id
        self.title = title
        self.text = text
        self.metadata = metadata
        self.size = size
        var terms: [IndexField: [String: [Int]]] = [:]
        for (field, content) in [(IndexField.body, text), (.title, title), (.path, id)] {
            var positions: [String: [Int]] = [:]
            for token in analyzer.tokens(content) { positions[token.term, default: []].append(Int(token.position)) }
            terms[field] = positions
        }
        self.terms = terms
    }

    /// The positions of `term` in `field`, in increasing order; empty when the field lacks it.
    func positions(of term: String, in field: IndexField) -> [Int] {
        terms[field]?[term] ?? []
    }

    /// Every distinct term of `field`.
    func vocabulary(of field: IndexField) -> Dictionary<String, [Int]>.Keys {
        (terms[field] ?? [:]).keys
    }

    /// A one-line rendering for failure messages.
    var summary: String {
        "id=\(id.debugDescription) title=\(title.debugDescription) body=\(text.debugDescription) "
            + "type=\(metadata.type) ext=\(metadata.ext) modified=\(metadata.modified) size=\(size)"
    }
}
