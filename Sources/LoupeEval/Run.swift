/// A TREC run: for each query, the documents a system retrieved and their scores.
///
/// The file format is one retrieved document per line, `qid Q0 docid rank score tag`, fields
/// separated by whitespace. Parsing follows trec_eval.py: lines holding only whitespace are
/// skipped, any other line must have exactly six fields, `score` is a number in Python's
/// `float()` syntax (including `inf` and `nan`), and the `Q0`, `rank` and `tag` fields are not
/// checked. Only the scores define the ranking (see ``evaluate(run:qrels:countMissingAsZero:)``).
/// A document listed twice for the same query is kept once, with the higher score (the first
/// one when neither is higher). As in ``Qrels``, ids that differ only in Unicode normalisation
/// are one id here.
public struct Run: Sendable {
    /// The retrieved documents: query id → documents, each docid at most once, in order of
    /// first appearance. Every query listed has at least one document.
    public private(set) var results: [String: [ScoredDocument]]

    /// Reads and parses the run file at `path`.
    ///
    /// Throws a ``TrecFileError`` naming `path` (and the line, for malformed lines or invalid
    /// UTF-8) when the file cannot be read or parsed.
    public init(contentsOf path: String) throws(TrecFileError) {
        try self.init(parsing: TextFile.read(path), source: path)
    }

    /// Parses a run from `text`; `source` names the text in errors (`source:line: message`).
    public init(parsing text: String, source: String) throws(TrecFileError) {
        var builder = Builder()
        try FieldSplitting.forEachLine(in: text) { (number, fields) throws(TrecFileError) in
            guard fields.count == 6 else {
                throw TrecFileError(source: source, line: number, message: "expected 6 columns, got \(fields.count)")
            }
            guard let score = PythonNumber.float(fields[4]) else {
                throw TrecFileError(source: source, line: number, message: "score '\(fields[4])' is not a number")
            }
            builder.add(query: fields[0], ScoredDocument(docid: fields[2], score: score))
        }
        results = builder.results
    }

    /// Builds a run from results held in memory, with the same rules as a parsed file: a docid
    /// repeated within a query keeps its highest score, and queries with no documents are
    /// dropped (a run file cannot list a query without a document, so such queries count as
    /// missing from the run).
    public init(results: [String: [ScoredDocument]]) {
        var builder = Builder()
        for (query, documents) in results {
            for document in documents { builder.add(query: query, document) }
        }
        self.results = builder.results
    }

    /// Collects documents per query, merging repeated docids.
    private struct Builder {
        var results: [String: [ScoredDocument]] = [:]
        /// Query id → docid → position in `results[qid]`.
        var positions: [String: [String: Int]] = [:]

        mutating func add(query: String, _ document: ScoredDocument) {
            if let position = positions[query]?[document.docid] {
                if document.score > results[query]![position].score {
                    results[query]![position].score = document.score
                }
            } else {
                positions[query, default: [:]][document.docid] = results[query, default: []].count
                results[query, default: []].append(document)
            }
        }
    }
}
