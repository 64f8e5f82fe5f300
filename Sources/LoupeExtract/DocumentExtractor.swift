/// The entry point of extraction: from a file, or from bytes already in memory, to an
/// ``ExtractedDocument``.
///
/// Decoding is the same for every format: a leading UTF-8 byte order mark is dropped,
/// line ends (CRLF, CR) become LF, and ill-formed UTF-8 becomes U+FFFD.
public enum DocumentExtractor {
    /// Reads and extracts the file at `path`.
    ///
    /// - Parameters:
    ///   - path: The file to read; symbolic links are followed.
    ///   - format: The format to extract as; `nil` takes it from the file's extension,
    ///     and a file with no known extension is extracted as text.
    ///   - maxBytes: The largest file accepted, in bytes.
    /// - Throws: ``SkipReason/binary`` when the content fails
    ///   ``TextSniffer`` (whatever the format),
    ///   ``SkipReason/tooLarge(_:)`` above `maxBytes`, ``SkipReason/notRegularFile`` for
    ///   anything but a regular file, and ``SkipReason/unreadable(_:)`` when the file
    ///   cannot be opened or read.
    public static func extract(
        fileAt path: String, format: DocumentFormat?, maxBytes: Int
    ) throws(SkipReason) -> ExtractedDocument {
        let bytes = try FileContents.load(path: path, maxBytes: maxBytes)
        guard TextSniffer.looksLikeText(bytes) else { throw .binary }
        return extract(bytes: bytes, format: format ?? DocumentFormat(path: path) ?? .text)
    }

    /// Extracts `bytes` as `format`, without sniffing: any bytes give a document.
    public static func extract(bytes: [UInt8], format: DocumentFormat) -> ExtractedDocument {
        let normalized = bytes.withUnsafeBytes { TextDecoding.normalizedBytes($0) }
        switch format {
        case .text: return PlainTextExtractor.extract(normalized)
        case .markdown: return MarkdownExtractor.extract(normalized)
        case .html: return HTMLExtractor.extract(normalized)
        }
    }
}
