/// A value of a document's label-valued metadata, which the `labels` table indexes: one bitmap of
/// documents per distinct value, as postings without frequencies or positions. Labels are never
/// scored and take no part in BM25 statistics.
public struct DocumentLabel: Sendable, Hashable, Comparable {
    /// Which metadata a label is a value of.
    public enum Kind: UInt8, Sendable, CaseIterable, Comparable {
        /// The document type (`type:`), as ``LoupeExtract/DocumentType``'s name.
        case type = 0
        /// The file's extension (`ext:`), lowercased, without the dot.
        case ext = 1

        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }

        /// The name used in queries and messages.
        public var name: String {
            switch self {
            case .type: "type"
            case .ext: "ext"
            }
        }
    }

    public var kind: Kind
    /// The value, as stored in the record: lowercase, no NUL byte, at most ``maxValueBytes`` bytes.
    public var value: String

    public init(_ kind: Kind, _ value: String) {
        self.kind = kind
        self.value = value
    }

    /// Longest value, in UTF-8 bytes, that a label keeps; the writer stores a longer extension
    /// as none (an LMDB key holds at most 511 bytes).
    public static let maxValueBytes = 64

    /// `ext` as the index stores it: lowercased; empty when it holds a NUL byte or is longer than
    /// ``maxValueBytes``.
    public static func normalizedExtension(_ ext: String) -> String {
        let lower = ext.lowercased()
        return lower.utf8.count > maxValueBytes || lower.utf8.contains(0) ? "" : lower
    }

    /// The labels of a document with `metadata`: its type and its extension.
    static func labels(of metadata: DocumentMetadata) -> [DocumentLabel] {
        [DocumentLabel(.type, metadata.type.rawValue), DocumentLabel(.ext, metadata.ext)]
    }

    public static func < (a: DocumentLabel, b: DocumentLabel) -> Bool {
        IndexFormat.labelPrefix(a).lexicographicallyPrecedes(IndexFormat.labelPrefix(b))
    }
}
