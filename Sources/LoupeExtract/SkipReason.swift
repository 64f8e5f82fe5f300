/// Why a file was not turned into a document. Thrown by extraction and reported by the
/// folder walker; none of these is fatal to an indexing run.
public enum SkipReason: Error, Sendable, Equatable, CustomStringConvertible {
    /// The content does not look like text (see ``TextSniffer/looksLikeText(_:)``).
    case binary
    /// The file is larger than the configured limit; the payload is its size in bytes.
    case tooLarge(Int)
    /// The file or directory could not be examined, opened or read; the payload says why.
    case unreadable(String)
    /// A symbolic link leads back to a directory that is already being walked.
    case symlinkLoop
    /// The path names something other than a regular file or directory: a FIFO, a socket
    /// or a device.
    case notRegularFile

    /// A short human-readable explanation, for logs and command-line output.
    public var description: String {
        switch self {
        case .binary: "binary content"
        case .tooLarge(let bytes): "too large (\(bytes) bytes)"
        case .unreadable(let why): "unreadable: \(why)"
        case .symlinkLoop: "symbolic link loop"
        case .notRegularFile: "not a regular file"
        }
    }
}
