import LoupeAnalysis
@testable import LoupeEngine

/// The snippet ``SnippetBuilder`` must make, computed the plain way: the whole text analyzed
/// into `String` tokens, every term and phrase occurrence marked by name, the window with the
/// most distinct names (then the most marks, then the earliest) chosen, and the passage cut at
/// the same byte boundaries, its marks turned into code-point offsets through `String` views.
func referenceSnippet(of text: String, analyzer: Analyzer, highlight: HighlightTerms, length requested: Int) -> Snippet {
    let length = max(requested, 20)
    let utf8 = Array(text.utf8)
    let wanted = highlight.terms.union(highlight.phrases.flatMap { $0.map(\.term) })
    let tokens = analyzer.tokens(text).filter { wanted.contains($0.term) }

    // Marks, in the order: terms in text order, then each phrase's occurrences in text order.
    var marks: [(bytes: Range<Int>, name: String)] = tokens.filter { highlight.terms.contains($0.term) }.map { ($0.range, $0.term) }
    for phrase in highlight.phrases where !phrase.isEmpty {
        let first = phrase[0]
        for token in tokens where token.term == first.term {
            let parts = phrase.map { part in
                tokens.first { Int($0.position) == Int(token.position) + Int(part.offset) - Int(first.offset) && $0.term == part.term }
            }
            guard parts.allSatisfy({ $0 != nil }), let last = parts.last! else { continue }
            marks.append((token.range.lowerBound..<last.range.upperBound, "\"" + phrase.map(\.term).joined(separator: " ")))
        }
    }
    // Sorted by start, ties in the order above; overlapping marks merge into the first.
    marks = marks.enumerated().sorted { ($0.element.bytes.lowerBound, $0.offset) < ($1.element.bytes.lowerBound, $1.offset) }.map(\.element)
    var merged: [(bytes: Range<Int>, name: String)] = []
    for mark in marks {
        if let last = merged.last, mark.bytes.lowerBound < last.bytes.upperBound {
            merged[merged.count - 1].bytes = last.bytes.lowerBound..<max(last.bytes.upperBound, mark.bytes.upperBound)
        } else {
            merged.append(mark)
        }
    }

    // Every window of marks that fits, scored by distinct names then by marks.
    var start = 0
    var best = (distinct: 0, count: 0)
    for high in merged.indices {
        guard let low = (0...high).first(where: { merged[high].bytes.upperBound - merged[$0].bytes.lowerBound <= length - length / 5 })
        else { continue }
        let window = merged[low...high]
        let score = (distinct: Set(window.map(\.name)).count, count: window.count)
        if score.distinct > best.distinct || (score.distinct == best.distinct && score.count > best.count) {
            best = score
            start = merged[low].bytes.lowerBound
        }
    }

    // The cut: a fifth of the length back to a space, then `length` characters back to a space.
    func isBoundary(_ i: Int) -> Bool { i <= 0 || i >= utf8.count || utf8[i] & 0xC0 != 0x80 }
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
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
    let lead = begin > 0 ? "…" : ""
    func codePoints(_ bytes: Range<Int>) -> Int { String(decoding: utf8[bytes], as: UTF8.self).unicodeScalars.count }
    let highlights = merged.filter { $0.bytes.lowerBound >= begin && $0.bytes.upperBound <= end }.map { mark in
        let s = lead.unicodeScalars.count + codePoints(begin..<mark.bytes.lowerBound)
        return s..<(s + codePoints(mark.bytes))
    }
    let passage = String(decoding: utf8[begin..<end].map { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 ? 0x20 : $0 }, as: UTF8.self)
    return Snippet(text: lead + passage + (end < utf8.count ? "…" : ""), highlights: highlights)
}
