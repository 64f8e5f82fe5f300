import LoupeAnalysis

/// Chooses and marks the best passage of a text.
///
/// The text is analyzed with the index's analyzer, so stemmed and case-folded forms match
/// (`running` marks `runs`); phrase occurrences are marked as one span from their first to
/// their last word. Passages of about `length` characters are scored by the distinct query
/// terms they hold (then by the number of marks), and the best one is cut at word boundaries.
public struct SnippetBuilder: Sendable {
    public let analyzer: Analyzer
    public let highlight: HighlightTerms
    /// Target passage length in characters.
    public let length: Int

    /// The query's distinct terms, highlighted or in a phrase, as UTF-8 and as strings.
    private let wanted: [[UInt8]]
    private let wantedNames: [String]

    public init(analyzer: Analyzer, highlight: HighlightTerms, length: Int = 160) {
        self.analyzer = analyzer
        self.highlight = highlight
        self.length = max(length, 20)
        let names = Array(highlight.terms.union(highlight.phrases.flatMap { $0.map(\.term) })).sorted()
        wantedNames = names
        wanted = names.map { Array($0.utf8) }
    }

    struct Mark {
        var bytes: Range<Int>
        var term: String
    }

    /// The snippet of `text`; the opening of the text, unmarked, when nothing matches.
    public func snippet(of text: String) -> Snippet {
        let utf8 = Array(text.utf8)
        let marks = self.marks(in: text)
        // Choose the window with the most distinct terms; it must fit in what `cut` shows after
        // its lead-in of a fifth of the length (bytes approximate characters here).
        let window = length - length / 5
        var best = (start: 0, distinct: 0, count: 0)
        var low = 0
        var counts: [String: Int] = [:]
        for high in 0..<marks.count {
            counts[marks[high].term, default: 0] += 1
            while marks[high].bytes.upperBound - marks[low].bytes.lowerBound > window {
                counts[marks[low].term]! -= 1
                if counts[marks[low].term] == 0 { counts.removeValue(forKey: marks[low].term) }
                low += 1
            }
            let candidate = (start: marks[low].bytes.lowerBound, distinct: counts.count, count: high - low + 1)
            if candidate.distinct > best.distinct || (candidate.distinct == best.distinct && candidate.count > best.count) {
                best = candidate
            }
        }
        return cut(utf8, around: marks.isEmpty ? 0 : best.start, marks: marks)
    }

    /// Every term and phrase occurrence, as byte ranges in order.
    func marks(in text: String) -> [Mark] {
        // Only tokens of a query term can be marked or be part of a marked phrase, so the others
        // are dropped as they come, compared as bytes: no string or hash per token of the text.
        var tokens: [(term: String, position: UInt32, bytes: Range<Int>)] = []
        analyzer.analyze(text) { term, position, range in
            if let i = wanted.firstIndex(where: { $0.count == term.count && $0.elementsEqual(term) }) {
                tokens.append((wantedNames[i], position, range))
            }
        }
        var marks: [Mark] = []
        for token in tokens where highlight.terms.contains(token.term) {
            marks.append(Mark(bytes: token.bytes, term: token.term))
        }
        if !highlight.phrases.isEmpty {
            var byPosition: [UInt32: Int] = [:]
            for (i, token) in tokens.enumerated() { byPosition[token.position] = i }
            for phrase in highlight.phrases {
                guard let first = phrase.first else { continue }
                for (i, token) in tokens.enumerated() where token.term == first.term {
                    let ends = phrase.map { part in byPosition[token.position + part.offset - first.offset] }
                    if ends.enumerated().allSatisfy({ j, index in index.map { tokens[$0].term == phrase[j].term } ?? false }) {
                        let last = tokens[ends.last!!]
                        marks.append(Mark(bytes: tokens[i].bytes.lowerBound..<last.bytes.upperBound, term: "\"" + phrase.map(\.term).joined(separator: " ")))
                    }
                }
            }
        }
        marks.sort { $0.bytes.lowerBound < $1.bytes.lowerBound }
        // Merge overlapping marks (a phrase covers its words).
        var merged: [Mark] = []
        for mark in marks {
            if let last = merged.last, mark.bytes.lowerBound < last.bytes.upperBound {
                merged[merged.count - 1].bytes = last.bytes.lowerBound..<max(last.bytes.upperBound, mark.bytes.upperBound)
            } else {
                merged.append(mark)
            }
        }
        return merged
    }

    /// Cuts about `length` characters starting a little before `start`, at word boundaries, and
    /// converts the marks inside to code-point offsets.
    private func cut(_ utf8: [UInt8], around start: Int, marks: [Mark]) -> Snippet {
        func isBoundary(_ i: Int) -> Bool { i <= 0 || i >= utf8.count || utf8[i] & 0xC0 != 0x80 }
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
        while end < utf8.count && characters < length {
            end += 1
            while end < utf8.count && !isBoundary(end) { end += 1 }
            characters += 1
        }
        if end < utf8.count {
            var e = end
            while e > begin && !isSpace(utf8[e - 1]) { e -= 1 }
            if e > begin + length / 2 { end = e }
        }
        // Marks (byte ranges, in order) inside [begin, end) become code-point offsets: count the
        // bytes that start a code point, in one pass over the passage.
        let offset = begin > 0 ? 1 : 0  // the leading "…"
        var highlights: [Range<Int>] = []
        var position = begin
        var scalars = 0
        func scalarOffset(_ byte: Int) -> Int {
            while position < byte {
                if utf8[position] & 0xC0 != 0x80 { scalars += 1 }
                position += 1
            }
            return scalars
        }
        for mark in marks where mark.bytes.lowerBound >= begin && mark.bytes.upperBound <= end {
            let s = scalarOffset(mark.bytes.lowerBound), e = scalarOffset(mark.bytes.upperBound)
            highlights.append((offset + s)..<(offset + e))
        }
        // Newlines and tabs become spaces, one byte for one, so offsets stay valid.
        var passage = Array(utf8[begin..<end])
        for i in passage.indices where passage[i] == 0x0A || passage[i] == 0x0D || passage[i] == 0x09 { passage[i] = 0x20 }
        let text = (begin > 0 ? "…" : "") + String(decoding: passage, as: UTF8.self) + (end < utf8.count ? "…" : "")
        return Snippet(text: text, highlights: highlights)
    }
}
