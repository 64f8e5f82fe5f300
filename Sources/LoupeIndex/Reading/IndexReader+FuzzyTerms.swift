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
        // Depth first over the dictionary as a trie: a frame is a viable prefix (`depth` bytes,
        // shared by every term of `range`) with the automaton's state after it, the range of
        // terms under it not yet visited, and whether only the word's characters can follow.
        struct Frame {
            var depth: Int
            var state: EditDistanceState
            var range: Range<Int>
            var closed: Bool
        }
        func frame(_ depth: Int, _ state: EditDistanceState, _ range: Range<Int>) -> Frame {
            Frame(depth: depth, state: state, range: range, closed: !state.reading(EditDistanceState.outsideEveryWord).isViable)
        }
        var utf8: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        /// The trie child of `parent` below `scalar`.
        func child(_ parent: Frame, _ scalar: Unicode.Scalar, within range: Range<Int>) -> Range<Int> {
            var count = 0
            return withUnsafeMutableBytes(of: &utf8) { buffer in
                UTF8.encode(scalar) { byte in
                    buffer[count] = byte
                    count += 1
                }
                let key = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
                return dictionary.range(range, continuingAt: parent.depth, with: key)
            }
        }
        var frames = [frame(0, EditDistanceState(word: scalars, maxEdits: maxEdits), 0..<dictionary.count)]
        while var top = frames.popLast() {
            guard let first = top.range.first else { continue }
            if dictionary.length(first) == top.depth {
                if top.state.accepts { found.append((first, top.state.distance)) }
                top.range = (first + 1)..<top.range.upperBound
                frames.append(top)
                continue
            }
            // When no character outside the word can follow, look only for the word's
            // characters that keep the prefix viable, instead of at every child.
            if top.closed {
                for scalar in wordScalars {
                    let next = top.state.reading(scalar)
                    guard next.isViable else { continue }
                    let range = child(top, scalar, within: top.range)
                    if !range.isEmpty { frames.append(frame(top.depth + UTF8.width(scalar), next, range)) }
                }
                continue
            }
            let scalar = try dictionary.withTerm(first) { term in
                var bytes = term[top.depth...].makeIterator()
                var decoder = UTF8()
                guard case .scalarValue(let scalar) = decoder.decode(&bytes) else { throw IndexError.corrupt("term with invalid UTF-8") }
                return scalar
            }
            let range = child(top, scalar, within: top.range)
            top.range = range.upperBound..<top.range.upperBound
            frames.append(top)
            let next = top.state.reading(scalar)
            if next.isViable { frames.append(frame(top.depth + UTF8.width(scalar), next, range)) }
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
