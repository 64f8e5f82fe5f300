import LoupeAnalysis

/// Chooses and marks the best passage of a text.
///
/// The text is analyzed with the index's analyzer, so stemmed and case-folded forms match
/// (`running` marks `runs`); phrase occurrences are marked as one span from their first to
/// their last word. Passages of about `length` characters are scored by the distinct query
/// terms they hold (then by the number of marks), and the best one is cut at word boundaries.
///
/// Made once per query (``Searcher`` builds it from the weight's highlights) and used for every
/// hit: the query's terms are resolved to small integers here, so that a text is matched with
/// byte comparisons and integer counters only, never a `String` or a hash per token or mark; the
/// raw-UTF-8 `snippet(of:)` reads a stored text in place.
public struct SnippetBuilder: Sendable {
    public let analyzer: Analyzer
    public let highlight: HighlightTerms
    /// Target passage length in characters.
    public let length: Int

    /// The query's distinct terms, highlighted or in a phrase, sorted, as UTF-8.
    private let wanted: [[UInt8]]
    /// For each of ``wanted``: whether it is marked wherever it occurs (not only inside a phrase).
    private let marked: [Bool]
    /// The phrases, their parts as indexes into ``wanted``; `kind` tells phrases of different
    /// words apart (phrases of the same words at other offsets share a kind).
    private let phrases: [(parts: [(term: Int, offset: UInt32)], kind: Int)]
    /// The number of mark kinds: one per wanted term, then one per distinct phrase word list.
    private let kinds: Int

    public init(analyzer: Analyzer, highlight: HighlightTerms, length: Int = 160) {
        self.analyzer = analyzer
        self.highlight = highlight
        self.length = max(length, 20)
        let names = Array(highlight.terms.union(highlight.phrases.flatMap { $0.map(\.term) })).sorted()
        wanted = names.map { Array($0.utf8) }
        marked = names.map { highlight.terms.contains($0) }
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var phraseKinds: [[String]: Int] = [:]
        phrases = highlight.phrases.compactMap { phrase in
            guard !phrase.isEmpty else { return nil }
            let words = phrase.map(\.term)
            let kind = phraseKinds[words] ?? names.count + phraseKinds.count
            phraseKinds[words] = kind
            return (phrase.map { (index[$0.term]!, $0.offset) }, kind)
        }
        kinds = names.count + phraseKinds.count
    }

    /// A matched word or phrase: its bytes in the text and its kind (a term's index in
    /// ``wanted``, or a phrase's kind).
    struct Mark {
        var bytes: Range<Int>
        var kind: Int
    }

    /// A token of the text that is one of the query's terms.
    private struct Token {
        var term: Int
        var position: UInt32
        var bytes: Range<Int>
    }

    /// The snippet of `text`; the opening of the text, unmarked, when nothing matches.
    public func snippet(of text: String) -> Snippet {
        var text = text
        return text.withUTF8 { snippet(of: UnsafeRawBufferPointer($0)) }
    }

    /// The snippet of the UTF-8 text `utf8` (read in place, not kept); the opening of the text,
    /// unmarked, when nothing matches.
    public func snippet(of utf8: UnsafeRawBufferPointer) -> Snippet {
        let marks = self.marks(in: utf8)
        return cut(utf8, around: marks.isEmpty ? 0 : bestStart(marks), marks: marks)
    }

    /// The start of the window with the most distinct kinds of marks (then the most marks),
    /// the earliest on ties. A window must fit in what `cut` shows after its lead-in of a fifth
    /// of the length (bytes approximate characters here).
    private func bestStart(_ marks: [Mark]) -> Int {
        let window = length - length / 5
        var best = (start: 0, distinct: 0, count: 0)
        var low = 0
        var counts = [Int](repeating: 0, count: kinds)
        var distinct = 0
        for high in 0..<marks.count {
            if counts[marks[high].kind] == 0 { distinct += 1 }
            counts[marks[high].kind] += 1
            while low <= high && marks[high].bytes.upperBound - marks[low].bytes.lowerBound > window {
                counts[marks[low].kind] -= 1
                if counts[marks[low].kind] == 0 { distinct -= 1 }
                low += 1
            }
            guard low <= high else { continue }  // a mark longer than the window starts none
            let count = high - low + 1
            if distinct > best.distinct || (distinct == best.distinct && count > best.count) {
                best = (marks[low].bytes.lowerBound, distinct, count)
            }
        }
        return best.start
    }

    /// Every term and phrase occurrence, as byte ranges in order; overlapping ones are merged
    /// into the first (a phrase covers its words), which keeps its kind.
    func marks(in utf8: UnsafeRawBufferPointer) -> [Mark] {
        // Only tokens of a query term can be marked or be part of a marked phrase, so the others
        // are dropped as they come, compared as bytes.
        var tokens: [Token] = []
        analyzer.analyze(utf8) { term, position, range in
            if let i = lookup(term) { tokens.append(Token(term: i, position: position, bytes: range)) }
        }
        var marks: [Mark] = []
        marks.reserveCapacity(tokens.count)
        for token in tokens where marked[token.term] {
            marks.append(Mark(bytes: token.bytes, kind: token.term))
        }
        if !phrases.isEmpty {
            var phraseMarks: [Mark] = []
            for phrase in phrases {
                let first = phrase.parts[0]
                for token in tokens where token.term == first.term {
                    var last: Token? = nil
                    for part in phrase.parts {
                        let position = Int64(token.position) + Int64(part.offset) - Int64(first.offset)
                        guard let found = self.token(at: position, in: tokens), found.term == part.term else {
                            last = nil
                            break
                        }
                        last = found
                    }
                    if let last { phraseMarks.append(Mark(bytes: token.bytes.lowerBound..<last.bytes.upperBound, kind: phrase.kind)) }
                }
            }
            // Term marks are in text order; a phrase mark goes after the term marks that start
            // where it starts (as a stable sort of terms then phrases would put it).
            phraseMarks.sort { $0.bytes.lowerBound < $1.bytes.lowerBound }
            marks = Self.interleave(marks, phraseMarks)
        }
        var merged: [Mark] = []
        merged.reserveCapacity(marks.count)
        for mark in marks {
            if let last = merged.last, mark.bytes.lowerBound < last.bytes.upperBound {
                merged[merged.count - 1].bytes = last.bytes.lowerBound..<max(last.bytes.upperBound, mark.bytes.upperBound)
            } else {
                merged.append(mark)
            }
        }
        return merged
    }

    /// The index in ``wanted`` of the term `bytes`, or nil.
    @inline(__always)
    private func lookup(_ bytes: UnsafeRawBufferPointer) -> Int? {
        for (i, term) in wanted.enumerated() where term.count == bytes.count {
            if term.withUnsafeBytes({ $0.elementsEqual(bytes) }) { return i }
        }
        return nil
    }

    /// The token at `position` (tokens are in increasing position order), or nil.
    private func token(at position: Int64, in tokens: [Token]) -> Token? {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if Int64(tokens[mid].position) < position { low = mid + 1 } else { high = mid }
        }
        return low < tokens.count && Int64(tokens[low].position) == position ? tokens[low] : nil
    }

    /// `a` and `b` (each sorted by start) in one list sorted by start, `a`'s first on ties.
    private static func interleave(_ a: [Mark], _ b: [Mark]) -> [Mark] {
        var out: [Mark] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].bytes.lowerBound <= b[j].bytes.lowerBound) {
                out.append(a[i])
                i += 1
            } else {
                out.append(b[j])
                j += 1
            }
        }
        return out
    }

    /// Cuts about `length` characters starting a little before `start`, at word boundaries, and
    /// gives the marks inside as code-point offsets, the unit of ``Snippet/highlights``, counted
    /// in the same pass that copies the passage.
    private func cut(_ utf8: UnsafeRawBufferPointer, around start: Int, marks: [Mark]) -> Snippet {
        let count = utf8.count
        func isBoundary(_ i: Int) -> Bool { i <= 0 || i >= count || utf8[i] & 0xC0 != 0x80 }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
        // Start up to a fifth of the length before the first mark, at a space.
        var begin = start
        var stepped = 0
        while begin > 0 && stepped < length / 5 {
            begin -= 1
            if isBoundary(begin) { stepped += 1 }
        }
        if begin > 0 {
            var b = begin
            while b < start && !isSpace(utf8[b]) { b += 1 }
            begin = b < start ? b + 1 : begin
            while !isBoundary(begin) { begin += 1 }
        }
        // End after `length` characters, backing up to a space.
        var end = begin
        var characters = 0
        while end < count && characters < length {
            end += 1
            while end < count && !isBoundary(end) { end += 1 }
            characters += 1
        }
        if end < count {
            // Back to just after the last space, if that keeps more than half the characters.
            var e = end
            var kept = characters
            while e > begin && !isSpace(utf8[e - 1]) {
                e -= 1
                if isBoundary(e) { kept -= 1 }
            }
            if kept > length / 2 { end = e }
        }
        // Copy the passage, newlines and tabs as spaces (one byte for one), counting code points
        // as the marks inside [begin, end) open and close.
        let ellipsis: [UInt8] = [0xE2, 0x80, 0xA6]  // "…"
        var passage: [UInt8] = []
        passage.reserveCapacity(end - begin + 6)
        if begin > 0 { passage += ellipsis }
        var highlights: [Range<Int>] = []
        var scalars = begin > 0 ? 1 : 0
        var inside = marks.drop { $0.bytes.lowerBound < begin }.prefix { $0.bytes.upperBound <= end }.makeIterator()
        var next = inside.next()
        var open: Int? = nil
        for i in begin..<end {
            let byte = utf8[i]
            let starts = byte & 0xC0 != 0x80
            if let mark = next {
                if open == nil, i == mark.bytes.lowerBound { open = scalars }
                if let s = open, i == mark.bytes.upperBound {
                    highlights.append(s..<scalars)
                    open = nil
                    next = inside.next()
                    if let following = next, following.bytes.lowerBound == i { open = scalars }
                }
            }
            if starts { scalars += 1 }
            passage.append(byte == 0x0A || byte == 0x0D || byte == 0x09 ? 0x20 : byte)
        }
        if let s = open, let mark = next, mark.bytes.upperBound == end { highlights.append(s..<scalars) }
        if end < count { passage += ellipsis }
        return Snippet(text: String(decoding: passage, as: UTF8.self), highlights: highlights)
    }
}
