/// Decides whether a file's bytes are text worth indexing.
public enum TextSniffer {
    /// How many leading bytes are examined: 8 KiB.
    public static let sampleSize = 8192

    /// The largest share of invalid UTF-8 in the sample that still counts as text: 10 %.
    ///
    /// It is generous enough for Latin-1 or Windows-1252 prose, whose accented letters are
    /// single invalid bytes (a few percent of a French or German text), and strict enough
    /// for compressed or encrypted data, where about half the bytes are invalid.
    public static let maxInvalidFraction = 0.10

    /// Whether `bytes` looks like text: `false` when the first ``sampleSize`` bytes hold a
    /// NUL byte, or when more than ``maxInvalidFraction`` of them are invalid UTF-8.
    ///
    /// Every byte that cannot begin a well-formed UTF-8 sequence counts as one invalid byte.
    /// A sequence cut off by the end of the sample is not counted. Empty input is text.
    public static func looksLikeText(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let count = min(bytes.count, sampleSize)
        guard count > 0 else { return true }
        let sample = UnsafeRawBufferPointer(rebasing: bytes[0..<count])
        let truncated = bytes.count > count
        var invalid = 0
        var index = 0
        while index < count {
            let byte = sample[index]
            if byte == 0 { return false }
            if byte < 0x80 {
                index += 1
                continue
            }
            switch UTF8Sequence.length(in: sample, at: index) {
            case .valid(let length):
                index += length
            case .truncated:
                if !truncated { invalid += count - index }
                index = count
            case .invalid:
                invalid += 1
                index += 1
            }
        }
        return Double(invalid) <= Double(count) * maxInvalidFraction
    }

    /// Whether `bytes` looks like text, by the same rule as the buffer-pointer overload.
    public static func looksLikeText(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { looksLikeText($0) }
    }
}
