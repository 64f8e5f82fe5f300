import LoupeAnalysis
@testable import LoupeEngine

/// The snippet ``SnippetBuilder`` must make, computed the plain way: the whole text analyzed
/// into `String` tokens, every term and phrase occurrence marked by name, the window with the
/// most distinct names (then the most marks, then the earliest) chosen, and the passage cut over
/// the text's code points, its marks turned into code-point offsets through `String` views.
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

    // The cut, over the text's code points (the builder walks bytes): start up to a fifth of the
    // length before the window, moved forward past the first space before the window if there is
    // one; end `length` code points later, moved back to just after the last space if that keeps
    // more than half the length.
    let scalars = Array(text.unicodeScalars)
    var offsets: [Int] = []  // UTF-8 offset of each code point, then the text's end
    var offset = 0
    for scalar in scalars {
        offsets.append(offset)
        offset += String(scalar).utf8.count
    }
    offsets.append(offset)
    func isSpace(_ scalar: Unicode.Scalar) -> Bool { ["\u{20}", "\n", "\t", "\r"].contains(scalar) }
    let first = offsets.firstIndex(of: start)!
    var from = max(0, first - length / 5)
    if from > 0, let space = scalars[from..<first].firstIndex(where: isSpace) { from = space + 1 }
    var to = min(scalars.count, from + length)
    if to < scalars.count, let space = scalars[from..<to].lastIndex(where: isSpace), space + 1 > from + length / 2 { to = space + 1 }
    let begin = offsets[from], end = offsets[to]
    let lead = begin > 0 ? "…" : ""
    func codePoints(_ bytes: Range<Int>) -> Int { String(decoding: utf8[bytes], as: UTF8.self).unicodeScalars.count }
    let highlights = merged.filter { $0.bytes.lowerBound >= begin && $0.bytes.upperBound <= end }.map { mark in
        let s = lead.unicodeScalars.count + codePoints(begin..<mark.bytes.lowerBound)
        return s..<(s + codePoints(mark.bytes))
    }
    let passage = String(decoding: utf8[begin..<end].map { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 ? 0x20 : $0 }, as: UTF8.self)
    return Snippet(text: lead + passage + (end < utf8.count ? "…" : ""), highlights: highlights)
}
