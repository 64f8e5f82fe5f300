import LoupeExtract

/// A condition on a document's metadata (`type:pdf`, `ext:gz`, `modified:>=2025-01-01`,
/// `size:>1MB`). A filter restricts which documents match and never changes a score: beside
/// words it keeps only the documents it accepts, and alone it lists them with score 0.
public enum Filter: Sendable, Hashable {
    /// Documents of this type.
    case type(DocumentType)
    /// Documents whose file extension is this (lowercase, without the dot; `gz` for `ls.1.gz`).
    case ext(String)
    /// Documents modified within the range, in seconds since 1970 (UTC).
    case modified(FilterRange)
    /// Documents whose size in bytes is within the range.
    case size(FilterRange)

    /// The filter's name in query text.
    public var name: String {
        switch self {
        case .type: "type"
        case .ext: "ext"
        case .modified: "modified"
        case .size: "size"
        }
    }

    /// The names that start a filter in query text (`name:value`).
    public static let names = ["type", "ext", "modified", "size"]
}

/// An inclusive range of integers, `lower...upper`, that matches nothing when `lower > upper`.
/// ``Int64/min`` and ``Int64/max`` stand for open ends.
public struct FilterRange: Sendable, Hashable {
    public var lower: Int64
    public var upper: Int64

    /// The range `lower...upper`; every empty range is stored as `1...0`, so that equal sets
    /// are equal values.
    public init(lower: Int64 = .min, upper: Int64 = .max) {
        if lower > upper {
            self.lower = 1
            self.upper = 0
        } else {
            self.lower = lower
            self.upper = upper
        }
    }

    /// Whether `value` is in the range.
    @inlinable
    public func contains(_ value: Int64) -> Bool { value >= lower && value <= upper }

    /// True when no value is in the range.
    public var isEmpty: Bool { lower > upper }
}
