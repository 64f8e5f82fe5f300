/// How a clause of a boolean query takes part in matching, with Lucene's semantics.
public enum Occur: Sendable, Hashable {
    /// The clause must match (`+clause`, or an operand of `AND`).
    case must
    /// The clause may match and adds to the score. When a boolean query has at least one
    /// `must` clause its `should` clauses are optional; otherwise at least one must match.
    case should
    /// The clause must not match (`-clause`, `NOT clause`).
    case mustNot
}
