/// Why a compressed file could not be decompressed.
enum DecompressionError: Error, Equatable, CustomStringConvertible {
    /// The decompressed content passed the limit (the payload, in bytes); decompression stopped there.
    case tooLarge(limit: Int)
    /// The data ends before the compressed stream does.
    case truncated
    /// The data is not a valid stream of its compression; the payload is the library's message.
    case corrupt(String)
    /// The file could not be opened or read; the payload says why.
    case unreadable(String)

    var description: String {
        switch self {
        case .tooLarge(let limit): "decompressed size over \(limit) bytes"
        case .truncated: "truncated compressed data"
        case .corrupt(let why): "corrupt compressed data: \(why)"
        case .unreadable(let why): "unreadable: \(why)"
        }
    }
}
