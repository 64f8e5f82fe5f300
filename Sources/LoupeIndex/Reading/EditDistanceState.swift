/// A state of the Damerau–Levenshtein automaton of one word: how far a prefix read so far is
/// from every prefix of the word, with adjacent transpositions counting as one edit (the
/// optimal-string-alignment distance, as Lucene's and Tantivy's fuzzy queries use).
///
/// The automaton is deterministic and simulated lazily: a state is the last two rows of the
/// dynamic-programming table, so stepping costs O(word length) and no table of states is
/// built. A state is *viable* while some continuation can still end within `maxEdits`, which
/// is what lets a walk of the sorted term dictionary skip every subtree that cannot match.
struct EditDistanceState {
    /// The word's Unicode scalars.
    let word: [Unicode.Scalar]
    let maxEdits: Int
    /// `row[j]`: the distance from the prefix read to the word's first `j` scalars.
    private var row: [Int]
    /// The row before the last scalar read, for transpositions; empty at the start.
    private var previousRow: [Int] = []
    /// The last scalar read.
    private var last: Unicode.Scalar?
    /// Scalars read so far.
    private(set) var depth = 0

    /// A character no word or term holds, standing for every character outside the word:
    /// they all lead to the same state.
    static let outsideEveryWord: Unicode.Scalar = "\u{0}"

    /// The start state: nothing read yet.
    init(word: [Unicode.Scalar], maxEdits: Int) {
        self.word = word
        self.maxEdits = maxEdits
        row = Array(0...word.count)
    }

    /// The distance from what was read to the whole word.
    var distance: Int { row[word.count] }

    /// Whether what was read is within `maxEdits` of the word.
    var accepts: Bool { distance <= maxEdits }

    /// Whether some continuation of what was read can be within `maxEdits` of the word.
    var isViable: Bool { row.min()! <= maxEdits }

    /// The state after reading `scalar`.
    func reading(_ scalar: Unicode.Scalar) -> EditDistanceState {
        var next = self
        var new = [Int](repeating: depth + 1, count: row.count)
        for j in 1..<row.count {
            let substitution = row[j - 1] + (word[j - 1] == scalar ? 0 : 1)
            var best = min(substitution, row[j] + 1, new[j - 1] + 1)
            if j >= 2, let last, !previousRow.isEmpty, word[j - 1] == last, word[j - 2] == scalar {
                best = min(best, previousRow[j - 2] + 1)
            }
            new[j] = best
        }
        next.previousRow = row
        next.row = new
        next.last = scalar
        next.depth = depth + 1
        return next
    }
}
