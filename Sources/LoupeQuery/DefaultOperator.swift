/// The operator that combines adjacent clauses written without `AND` or `OR` between them.
public enum DefaultOperator: Sendable, Hashable {
    /// `a b` means `a OR b`: adjacency binds like `OR`, more loosely than `AND`.
    case or
    /// `a b` means `a AND b`: adjacency binds like `AND`.
    case and
}
