// One run of the analyzer over a text: tokenizing, normalizing, filtering, stemming.

/// The state of one `Analyzer.analyze` call: the input and a scratch buffer for the current term.
struct AnalysisPass {
    /// The input text (UTF-8, possibly ill-formed) and its length.
    let text: UnsafeRawPointer
    let count: Int
    /// The longest normalized term kept, in bytes.
    let limit: Int
    /// `3 * termCapacity` bytes: the term, then the stemmer's working space.
    let scratch: UnsafeMutablePointer<UInt8>
    /// Room for a term: `limit` bytes plus one character's expansion.
    let termCapacity: Int
    let normalizer: ScalarNormalizer
    let stopWords: StopWordSet?
    let stem: Bool

    /// Tokenizes the whole text and calls `body` for each emitted term.
    func run(_ body: (UnsafeRawBufferPointer, UInt32, Range<Int>) -> Void) {
        var index = 0
        var position: UInt32 = 0
        while index < count {
            let byte = text.load(fromByteOffset: index, as: UInt8.self)
            if byte < 0x80 {
                if !ScalarTraits.isASCIIAlphanumeric(byte) {
                    index += 1
                    continue
                }
            } else {
                let (scalar, length) = UTF8Scalar.decode(text, at: index, end: count)
                guard let scalar, ScalarTraits.of(scalar).contains(.alphanumeric) else {
                    index += length
                    continue
                }
            }
            // Find the token's end, lower-casing ASCII into the term buffer on the way (all that
            // an ASCII token needs; other tokens are normalized again from their source).
            let start = index
            var isASCII = true
            let term = scratch
            while index < count {
                let byte = text.load(fromByteOffset: index, as: UInt8.self)
                if byte < 0x80 {
                    guard ScalarTraits.isASCIIAlphanumeric(byte) else { break }
                    let length = index - start
                    if length < termCapacity {
                        term[length] = ASCIILowercase.map(byte)
                    }
                    index += 1
                } else {
                    let (scalar, length) = UTF8Scalar.decode(text, at: index, end: count)
                    guard let scalar, ScalarTraits.of(scalar).contains(.alphanumeric) else { break }
                    isASCII = false
                    index += length
                }
            }
            emit(start..<index, isASCII: isASCII, position: position, body)
            position &+= 1
        }
    }

    /// Normalizes, filters and stems the token at `range`, and reports it unless it is dropped.
    /// For an ASCII token the term buffer already holds its lower-cased bytes.
    @inline(__always)
    private func emit(
        _ range: Range<Int>,
        isASCII: Bool,
        position: UInt32,
        _ body: (UnsafeRawBufferPointer, UInt32, Range<Int>) -> Void
    ) {
        let term = scratch
        var length: Int
        if isASCII {
            // Already lower-cased into the term buffer by `run`.
            length = range.count
            guard length <= limit else { return }
        } else {
            guard let normalized = normalizeToken(range), normalized > 0 else { return }
            length = normalized
        }
        if let stopWords, stopWords.contains(term, count: length) {
            return
        }
        if stem {
            length = isASCII
                ? Porter2.stem(term, count: length)
                : Porter2.stemUTF8(term, count: length, scratch: scratch + termCapacity)
        }
        body(UnsafeRawBufferPointer(start: term, count: length), position, range)
    }

    /// Writes the normalized token at `range` (which holds non-ASCII characters) to the term
    /// buffer and returns its length, or nil when it is longer than the limit.
    private func normalizeToken(_ range: Range<Int>) -> Int? {
        let term = scratch
        var length = 0
        var tooLong = false
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = text.load(fromByteOffset: index, as: UInt8.self)
            let scalar: Unicode.Scalar
            if byte < 0x80 {
                scalar = Unicode.Scalar(byte)
                index += 1
            } else {
                let (decoded, size) = UTF8Scalar.decode(text, at: index, end: range.upperBound)
                // The token was decoded while it was found, so every character is well-formed.
                scalar = decoded!
                index += size
            }
            normalizer.normalize(scalar) { mapped in
                guard length + 4 <= termCapacity else {
                    tooLong = true
                    return
                }
                length += UTF8Scalar.encode(mapped, into: term, at: length)
            }
            if tooLong || length > limit { return nil }
        }
        return length
    }
}
