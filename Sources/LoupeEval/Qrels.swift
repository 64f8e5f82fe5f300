/// TREC relevance judgments: for each query, the judged documents and their relevance grades.
///
/// The file format is one judgment per line, `qid iter docid relevance`, fields separated by
/// whitespace; `iter` is ignored. Parsing follows trec_eval.py: lines holding only whitespace
/// are skipped, any other line must have exactly four fields, `relevance` is an integer in
/// Python's `int()` syntax, and when a (qid, docid) pair is judged twice the later line wins.
/// A document is relevant when its grade is above 0; zero and negative grades are judged
/// non-relevant.
///
/// Ids are Swift strings: two ids that differ only in Unicode normalisation (precomposed `é`
/// versus `e` + U+0301) are one id here, where trec_eval.py would keep two.
public struct Qrels: Sendable {
    /// The judgments: query id → document id → relevance grade.
    public private(set) var relevance: [String: [String: Int]]
    /// Every query id of the judgments, once each, in order of first appearance.
    public private(set) var queryIDs: [String]

    /// Reads and parses the qrels file at `path`.
    ///
    /// Throws a ``TrecFileError`` naming `path` (and the line, for malformed lines or invalid
    /// UTF-8) when the file cannot be read or parsed.
    public init(contentsOf path: String) throws(TrecFileError) {
        try self.init(parsing: TextFile.read(path), source: path)
    }

    /// Parses qrels from `text`; `source` names the text in errors (`source:line: message`).
    public init(parsing text: String, source: String) throws(TrecFileError) {
        var relevance: [String: [String: Int]] = [:]
        var queryIDs: [String] = []
        try FieldSplitting.forEachLine(in: text) { (number, fields) throws(TrecFileError) in
            guard fields.count == 4 else {
                throw TrecFileError(source: source, line: number, message: "expected 4 columns, got \(fields.count)")
            }
            guard let grade = PythonNumber.integer(fields[3]) else {
                throw TrecFileError(source: source, line: number, message: "relevance '\(fields[3])' is not an integer")
            }
            if relevance[fields[0]] == nil { queryIDs.append(fields[0]) }
            relevance[fields[0], default: [:]][fields[2]] = grade
        }
        self.relevance = relevance
        self.queryIDs = queryIDs
    }

    /// The queries that have at least one relevant document (grade above 0), in order of first
    /// appearance: exactly the queries ``evaluate(run:qrels:countMissingAsZero:)`` scores.
    public var judgedQueryIDs: [String] {
        queryIDs.filter { relevance[$0, default: [:]].values.contains { $0 > 0 } }
    }
}
