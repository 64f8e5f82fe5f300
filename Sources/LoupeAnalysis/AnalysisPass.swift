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
    ///
    /// ASCII bytes take one ``TokenByteTable`` lookup each, which classifies them and gives the
    /// lower-cased byte; a token's leading run of ASCII letters and digits is lower-cased into the
    /// term buffer as it is found (all that an ASCII token needs; a token with other characters is
    /// normalized again from its source by `emit`).
    func run(_ body: (UnsafeRawBufferPointer, UInt32, Range<Int>) -> Void) {
        let table = TokenByteTable.entries
        let bytes = text.assumingMemoryBound(to: UInt8.self)
        let term = scratch
        var index = 0
        var position: UInt32 = 0
        while index < count {
            let first = table[Int(bytes[index])]
            if first == 0 {
                index &+= 1
                continue
            }
            let start = index
            var isASCII = true
            if first == TokenByteTable.nonASCII {
                let (scalar, length) = UTF8Scalar.decode(text, at: index, end: count)
                guard let scalar, ScalarTraits.of(scalar).contains(.alphanumeric) else {
                    index &+= length
                    continue
                }
                isASCII = false
                index &+= length
            } else {
                // The ASCII letters and digits that fit in the term buffer, stored as they are
                // found: the whole of nearly every token.
                let stored = start &+ min(count &- start, termCapacity)
                term[0] = first
                index &+= 1
                while index < stored {
                    let mapped = table[Int(bytes[index])]
                    guard mapped != 0, mapped != TokenByteTable.nonASCII else { break }
                    term[index &- start] = mapped
                    index &+= 1
                }
            }
            // The rest of the token, if any: characters past the term buffer (the token is then
            // too long to keep) or after its first non-ASCII one.
            while index < count {
                let mapped = table[Int(bytes[index])]
                if mapped == 0 { break }
                if mapped != TokenByteTable.nonASCII {
                    index &+= 1
                    continue
                }
                let (scalar, length) = UTF8Scalar.decode(text, at: index, end: count)
                guard let scalar, ScalarTraits.of(scalar).contains(.alphanumeric) else { break }
                isASCII = false
                index &+= length
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
