/// The syntax tree of a query: what the user asked for, before analysis.
///
/// Text is kept raw, in its original case, with escapes removed; the engine analyzes it
/// (case folding, stop words, stemming) with the index's analyzer. A `field` of `nil` means
/// the default fields. A `boost` multiplies the score of what the node matches; `1` is neutral.
///
/// Trees made by ``QueryParser`` are normalized: a chain of the same operator is one
/// `boolean`, a boolean has at least two clauses unless its only clause is required or
/// excluded, leaves carry their field, and `matchNone` appears only as the whole tree.
public indirect enum QueryNode: Sendable, Equatable {
    /// A single word, matched after analysis.
    case term(text: String, field: Field?, boost: Double)
    /// Every word that starts with `text` (written `text*`); the engine expands it through
    /// the term dictionary.
    case prefix(text: String, field: Field?, boost: Double)
    /// The words within `maxEdits` edits of `text` (written `text~`, `text~1`, `text~2`):
    /// insertions, deletions, substitutions and transpositions of adjacent characters, as
    /// Damerau–Levenshtein counts them. `nil` lets the word's length decide (see
    /// ``FuzzyDistance``); `0` is the exact term.
    case fuzzy(text: String, maxEdits: Int?, field: Field?, boost: Double)
    /// The words in order, each analyzed by the engine. `slop` (written `"…"~slop`) is the
    /// largest number of position moves allowed to match them, as in Lucene; `0` is exact.
    case phrase(words: [String], slop: Int, field: Field?, boost: Double)
    /// A combination of clauses with Lucene semantics (see ``Occur``).
    case boolean(clauses: [QueryClause], boost: Double)
    /// A condition on the document's metadata (``Filter``). It never scores: beside words it
    /// restricts the documents they match (whatever its ``Occur``, except that `mustNot`
    /// excludes and several optional filters of one boolean are alternatives); alone, or with
    /// only other filters, it lists the documents it accepts, with score 0.
    case filter(Filter)
    /// The empty query: it matches no document.
    case matchNone
}
