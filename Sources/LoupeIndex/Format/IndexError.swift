/// Errors of the index layer, each with a message fit for a user.
public enum IndexError: Error, Sendable, CustomStringConvertible {
    /// The directory holds no index (and creating one was not asked for).
    case notAnIndex(String)
    /// The index was written by another format version.
    case unsupportedFormat(found: UInt32, expected: UInt32)
    /// Stored bytes do not decode: the index is damaged.
    case corrupt(String)
    /// The index was built with different analysis than requested.
    case analyzerMismatch(String)

    public var description: String {
        switch self {
        case .notAnIndex(let path): "no Loupe index at \(path) (run `loupe index` first)"
        case .unsupportedFormat(let found, let expected):
            "index format version \(found) is not supported (this build reads version \(expected)); rebuild the index"
        case .corrupt(let detail): "the index is damaged: \(detail) (run `loupe check`)"
        case .analyzerMismatch(let detail): detail
        }
    }
}
