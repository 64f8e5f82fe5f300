import Foundation

/// Writes runs in the TREC run format, `qid Q0 docid rank score tag`, one line per document.
///
/// Each query's documents are written in the order trec_eval evaluates them (score descending,
/// equal scores by docid descending) with ranks 1, 2, …, so the rank column agrees with the
/// ranking that is scored. Scores are written in Swift's shortest round-trip form (e.g. `12.5`,
/// `1e-05`, `inf`), which Python's `float()` and ``Run/init(parsing:source:)`` read back to the
/// identical `Double`: evaluating the written file gives exactly the measures of the run in
/// memory. Queries are written in natural order (shorter ids first, then code-point order, so
/// `2` precedes `10`).
public struct RunWriter: Sendable {
    /// A query id, docid or tag that cannot be written because it would not read back as one
    /// field: it is empty or contains whitespace (in the sense of Python's `str.split()`).
    public struct InvalidField: Error, Sendable, Equatable, CustomStringConvertible {
        /// Which field: `"qid"`, `"docid"` or `"tag"`.
        public let field: String
        /// The offending value.
        public let value: String

        /// Creates an error for `value` of the named `field`.
        public init(field: String, value: String) {
            self.field = field
            self.value = value
        }

        public var description: String {
            "cannot write \(field) '\(value)' to a run file: it is empty or contains whitespace"
        }
    }

    /// The run tag written in the last column of every line.
    public let tag: String

    /// Creates a writer whose lines end in `tag`; throws ``InvalidField`` if `tag` is empty or
    /// contains whitespace.
    public init(tag: String) throws(InvalidField) {
        try Self.check(tag, as: "tag")
        self.tag = tag
    }

    /// The lines for one query's `documents`, each ending in a newline; an empty string when
    /// there are none. Throws ``InvalidField`` for an unwritable qid or docid.
    public func format(query: String, documents: [ScoredDocument]) throws(InvalidField) -> String {
        try Self.check(query, as: "qid")
        var text = ""
        for (offset, document) in TrecOrder.sorted(documents).enumerated() {
            try Self.check(document.docid, as: "docid")
            text += "\(query) Q0 \(document.docid) \(offset + 1) \(document.score.description) \(tag)\n"
        }
        return text
    }

    /// The whole of `run` as run-file text, queries in natural order.
    public func format(_ run: Run) throws(InvalidField) -> String {
        var text = ""
        for query in run.results.keys.sorted(by: Self.naturalOrder) {
            text += try format(query: query, documents: run.results[query, default: []])
        }
        return text
    }

    /// Writes `run` to the file at `path`, replacing it. Throws ``InvalidField`` for an
    /// unwritable field, or the file system's error when the file cannot be written.
    public func write(_ run: Run, to path: String) throws {
        try Data(format(run).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Shorter ids first, then code-point order.
    private static func naturalOrder(_ a: String, _ b: String) -> Bool {
        let (countA, countB) = (a.unicodeScalars.count, b.unicodeScalars.count)
        return countA != countB ? countA < countB : a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    private static func check(_ value: String, as field: String) throws(InvalidField) {
        if value.isEmpty || value.unicodeScalars.contains(where: FieldSplitting.isWhitespace) {
            throw InvalidField(field: field, value: value)
        }
    }
}
