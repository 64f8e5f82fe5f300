/// A state of the Damerau–Levenshtein automaton of one word: how far a prefix read so far is
/// from every prefix of the word, with adjacent transpositions counting as one edit (the
/// optimal-string-alignment distance, as Lucene's and Tantivy's fuzzy queries use).
///
/// The automaton is deterministic and simulated lazily: a state is the last two rows of the
/// dynamic-programming table, so no table of states is built. Only a band of each row matters:
/// after reading `i` scalars, the distance to a word prefix of `j` scalars is at least `|i - j|`,
/// so with at most ``maxBand`` edits only the five cells `j` in `i - 2 ... i + 2` can be within
/// reach, and every value is kept capped at `maxEdits + 1`. A state is therefore two rows of five
/// bytes held inline: stepping costs a constant and allocates nothing, whatever the word's
/// length. A state is *viable* while some continuation can still end within `maxEdits`, which is
/// what lets a walk of the sorted term dictionary skip every subtree that cannot match.
struct EditDistanceState {
    /// The largest number of edits a state can follow (the band's half-width).
    static let maxBand = 2

    /// The word's Unicode scalars.
    let word: [Unicode.Scalar]
    let maxEdits: Int
    /// `row[t]`: the distance (capped) from the prefix read to the word's first `depth - 2 + t`
    /// scalars; cells outside `0...word.count` hold the cap.
    private var row: SIMD8<UInt8>
    /// The band of the row before the last scalar read, for transpositions (aligned so that
    /// `previousRow[t]` is the cell a transposition into `row[t]` of the next row reads).
    private var previousRow: SIMD8<UInt8>
    /// The last scalar read.
    private var last: Unicode.Scalar?
    /// Scalars read so far.
    private(set) var depth = 0

    /// A character no word or term holds, standing for every character outside the word:
    /// they all lead to the same state.
    static let outsideEveryWord: Unicode.Scalar = "\u{0}"

    /// The start state: nothing read yet.
    init(word: [Unicode.Scalar], maxEdits: Int) {
        precondition((0...Self.maxBand).contains(maxEdits), "at most \(Self.maxBand) edits")
        self.word = word
        self.maxEdits = maxEdits
        let cap = UInt8(maxEdits + 1)
        row = SIMD8(repeating: cap)
        for t in 0..<5 {
            let j = t - 2
            if j >= 0, j <= word.count { row[t] = min(UInt8(j), cap) }
        }
        previousRow = SIMD8(repeating: cap)
    }

    private var cap: UInt8 { UInt8(maxEdits + 1) }

    /// The distance from what was read to the whole word (the cap, `maxEdits + 1`, when farther).
    var distance: Int {
        let t = word.count - depth + 2
        return (0..<5).contains(t) ? Int(row[t]) : Int(cap)
    }

    /// Whether what was read is within `maxEdits` of the word.
    var accepts: Bool { distance <= maxEdits }

    /// Whether some continuation of what was read can be within `maxEdits` of the word.
    var isViable: Bool {
        var best = cap
        for t in 0..<5 { best = min(best, row[t]) }
        return Int(best) <= maxEdits
    }

    /// The state after reading `scalar`.
    func reading(_ scalar: Unicode.Scalar) -> EditDistanceState {
        var next = self
        let cap = self.cap
        var new = SIMD8<UInt8>(repeating: cap)
        // New row `depth + 1`, cell t is j = depth - 1 + t; in `row` that j - 1 is cell t (the
        // diagonal), j is cell t + 1 (above); in `previousRow` j - 2 is cell t.
        for t in 0..<5 {
            let j = depth - 1 + t
            guard j >= 0, j <= word.count else { continue }
            if j == 0 {
                new[t] = min(UInt8(clamping: depth + 1), cap)
                continue
            }
            var best = row[t] &+ (word[j - 1] == scalar ? 0 : 1)
            if t + 1 < 5 { best = min(best, row[t + 1] &+ 1) }
            if t > 0 { best = min(best, new[t - 1] &+ 1) }
            if j >= 2, let last, word[j - 1] == last, word[j - 2] == scalar { best = min(best, previousRow[t] &+ 1) }
            new[t] = min(best, cap)
        }
        // For the step after this one, a transposition into cell t reads row `depth` at
        // j' - 2 = depth + t - 2, which is cell t of the current band.
        next.previousRow = row
        next.row = new
        next.last = scalar
        next.depth = depth + 1
        return next
    }
}
