/// A term of the dictionary within some edits of a word.
public struct FuzzyTerm: Sendable, Equatable {
    public var term: String
    /// The Damerau–Levenshtein (optimal string alignment) distance to the word.
    public var edits: Int
    public var info: TermInfo
}

extension IndexReader {
    /// The terms of `field` within `maxEdits` (0 to 2) edits of `word` (already analyzed):
    /// insertions, deletions, substitutions and transpositions of adjacent characters, counted
    /// in Unicode scalars. Terms without live documents are left out. At most `limit` terms
    /// are returned: the closest, then the most frequent, then in byte order.
    ///
    /// The walk intersects the word's edit-distance automaton (``EditDistanceState``) with the
    /// sorted in-memory dictionary (``termDictionary(_:)``) read as a trie: a prefix is a range
    /// of it, each next character below a viable prefix is found by binary search within that
    /// range, and every prefix that no continuation can bring within `maxEdits` is skipped, so it
    /// visits a small part of the dictionary, never every term. Only the terms returned are
    /// looked up in LMDB, for their ``TermInfo``.
    public func fuzzyTerms(_ field: IndexField, near word: String, maxEdits: Int, limit: Int) throws -> [FuzzyTerm] {
        precondition((0...2).contains(maxEdits), "fuzzy distance \(maxEdits) out of 0...2")
        guard limit > 0, !word.isEmpty else { return [] }
        if maxEdits == 0 {
            guard let info = try termInfo(field, word), info.docFreq > 0 else { return [] }
            return [FuzzyTerm(term: word, edits: 0, info: info)]
        }
        let dictionary = try termDictionary(field)
        var found: [(index: Int, edits: Int)] = []
        let scalars = Array(word.unicodeScalars)
        // The word's own characters, the only ones that can follow a prefix that has used up its
        // edits; in scalar order, which is UTF-8 byte order.
        let wordScalars = Set(scalars).sorted { $0.value < $1.value }
        // Depth first over the dictionary as a trie: a frame is a viable prefix with the
        // automaton's state after it, and the range of terms under it not yet visited.
        var frames = [(prefix: [UInt8](), state: EditDistanceState(word: scalars, maxEdits: maxEdits), range: 0..<dictionary.count)]
        while var frame = frames.popLast() {
            guard let first = frame.range.first else { continue }
            let length = dictionary.length(first)
            if length == frame.prefix.count {
                if frame.state.accepts { found.append((first, frame.state.distance)) }
                frame.range = (first + 1)..<frame.range.upperBound
                frames.append(frame)
                continue
            }
            // When no character outside the word can follow, look only for the word's
            // characters that keep the prefix viable, instead of at every child.
            if !frame.state.reading(EditDistanceState.outsideEveryWord).isViable {
                for scalar in wordScalars {
                    let next = frame.state.reading(scalar)
                    guard next.isViable else { continue }
                    let child = frame.prefix + Array(String(scalar).utf8)
                    let range = dictionary.range(prefix: child, within: frame.range)
                    if !range.isEmpty { frames.append((prefix: child, state: next, range: range)) }
                }
                continue
            }
            let scalar = try dictionary.withTerm(first) { term in
                var bytes = term[frame.prefix.count...].makeIterator()
                var decoder = UTF8()
                guard case .scalarValue(let scalar) = decoder.decode(&bytes) else { throw IndexError.corrupt("term with invalid UTF-8") }
                return scalar
            }
            let child = frame.prefix + Array(String(scalar).utf8)
            let range = dictionary.range(prefix: child, within: frame.range)
            frame.range = range.upperBound..<frame.range.upperBound
            frames.append(frame)
            let next = frame.state.reading(scalar)
            if next.isViable { frames.append((prefix: child, state: next, range: range)) }
        }
        found.sort { a, b in
            if a.edits != b.edits { return a.edits < b.edits }
            let (dfA, dfB) = (dictionary.docFreq(a.index), dictionary.docFreq(b.index))
            if dfA != dfB { return dfA > dfB }
            return a.index < b.index
        }
        return try found.prefix(limit).map { entry in
            let term = dictionary.term(entry.index)
            guard let info = try termInfo(field, term) else { throw IndexError.corrupt("term '\(term)' of the dictionary is not in terms") }
            return FuzzyTerm(term: term, edits: entry.edits, info: info)
        }
    }

}
