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
    /// sorted dictionary: it seeks to each next character below a viable prefix and skips
    /// every prefix that no continuation can bring within `maxEdits`, so it visits a small
    /// part of the dictionary, never every term.
    public func fuzzyTerms(_ field: IndexField, near word: String, maxEdits: Int, limit: Int) throws -> [FuzzyTerm] {
        precondition((0...2).contains(maxEdits), "fuzzy distance \(maxEdits) out of 0...2")
        guard limit > 0, !word.isEmpty else { return [] }
        if maxEdits == 0 {
            guard let info = try termInfo(field, word), info.docFreq > 0 else { return [] }
            return [FuzzyTerm(term: word, edits: 0, info: info)]
        }
        var found: [FuzzyTerm] = []
        let root = IndexFormat.termKey(field, UnsafeRawBufferPointer(start: nil, count: 0))
        let scalars = Array(word.unicodeScalars)
        // The word's own characters, the only ones that can follow a prefix that has used up its
        // edits; in scalar order, which is UTF-8 byte order.
        let wordScalars = Set(scalars).sorted { $0.value < $1.value }
        try snapshot.withCursor(tables.terms) { cursor in
            // Depth first over the dictionary as a trie: a frame is a viable prefix (field byte
            // included) with the automaton's state after it, and the key to seek next below it.
            var frames = [(prefix: root, state: EditDistanceState(word: scalars, maxEdits: maxEdits), seek: root)]
            while var frame = frames.popLast() {
                guard let current = try cursor.seek(atOrAfter: frame.seek), current.key.starts(with: frame.prefix) else { continue }
                let rest = UnsafeRawBufferPointer(rebasing: current.key[frame.prefix.count...])
                if rest.isEmpty {
                    let info = try TermInfo(decoding: current.value)
                    if frame.state.accepts, info.docFreq > 0 {
                        let term = String(decoding: UnsafeRawBufferPointer(rebasing: current.key[1...]), as: UTF8.self)
                        found.append(FuzzyTerm(term: term, edits: frame.state.distance, info: info))
                    }
                    frame.seek = frame.prefix + [0]
                    frames.append(frame)
                    continue
                }
                // When no character outside the word can follow, seek only to the word's
                // characters that keep the prefix viable, instead of to every child.
                if !frame.state.reading(EditDistanceState.outsideEveryWord).isViable {
                    for scalar in wordScalars {
                        let next = frame.state.reading(scalar)
                        guard next.isViable else { continue }
                        let child = frame.prefix + Array(String(scalar).utf8)
                        frames.append((prefix: child, state: next, seek: child))
                    }
                    continue
                }
                let length = Self.scalarLength(leadByte: rest[0])
                guard length <= rest.count else { throw IndexError.corrupt("term key with truncated UTF-8") }
                let child = frame.prefix + rest[0..<length]
                let scalar = String(decoding: rest[0..<length], as: UTF8.self).unicodeScalars.first!
                let next = frame.state.reading(scalar)
                frame.seek = Self.successor(of: child)
                frames.append(frame)
                if next.isViable { frames.append((prefix: child, state: next, seek: child)) }
            }
        }
        found.sort { a, b in
            if a.edits != b.edits { return a.edits < b.edits }
            if a.info.docFreq != b.info.docFreq { return a.info.docFreq > b.info.docFreq }
            return a.term.utf8.lexicographicallyPrecedes(b.term.utf8)
        }
        return Array(found.prefix(limit))
    }

    /// The bytes of a UTF-8 sequence that starts with `leadByte` (1 for a stray byte).
    private static func scalarLength(leadByte: UInt8) -> Int {
        switch leadByte {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }

    /// The smallest key after every key that starts with `prefix`: its last byte plus one
    /// (UTF-8 has no 0xFF byte, and field bytes are small, so no carry is ever needed).
    private static func successor(of prefix: [UInt8]) -> [UInt8] {
        var key = prefix
        key[key.count - 1] += 1
        return key
    }
}
