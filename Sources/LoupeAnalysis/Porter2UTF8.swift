// Porter2 over UTF-8 text that may contain non-ASCII characters.

extension Porter2 {
    /// Stems the lower-case UTF-8 word in `term[0..<count]` in place and returns the stem's byte
    /// length. ASCII words are stemmed directly. Otherwise each non-ASCII character stands in the
    /// algorithm as one consonant placeholder; since the algorithm only ever rewrites the end of the
    /// word with ASCII letters, the characters it keeps are copied back unchanged.
    /// `scratch` must have room for `2 * count` bytes.
    static func stemUTF8(_ term: UnsafeMutablePointer<UInt8>, count: Int, scratch: UnsafeMutablePointer<UInt8>) -> Int {
        var isASCII = true
        for index in 0..<count where term[index] >= 0x80 {
            isASCII = false
            break
        }
        if isASCII {
            return stem(term, count: count)
        }

        // One byte per character: ASCII as is, 0x80 for any other character.
        let word = scratch
        var wordCount = 0
        for index in 0..<count where !UTF8Scalar.isContinuation(term[index]) {
            word[wordCount] = term[index] < 0x80 ? term[index] : placeholder
            wordCount += 1
        }
        let stemCount = stem(word, count: wordCount)

        // Rebuild: placeholders take back, in order, the characters they stood for.
        let output = scratch + count
        var outputCount = 0
        var source = 0
        for index in 0..<stemCount {
            let byte = word[index]
            if byte != placeholder {
                output[outputCount] = byte
                outputCount += 1
                continue
            }
            while source < count && term[source] < 0xC0 { source += 1 }
            repeat {
                output[outputCount] = term[source]
                outputCount += 1
                source += 1
            } while source < count && UTF8Scalar.isContinuation(term[source])
        }
        term.update(from: output, count: outputCount)
        return outputCount
    }

    /// The byte that stands in for a non-ASCII character.
    private static let placeholder: UInt8 = 0x80
}
