/// One clause of a boolean query: a sub-query and how it takes part in matching.
public struct QueryClause: Sendable, Equatable {
    /// How the clause takes part in matching.
    public var occur: Occur
    /// The sub-query.
    public var node: QueryNode

    /// A clause that applies `occur` to `node`.
    public init(occur: Occur, node: QueryNode) {
        self.occur = occur
        self.node = node
    }
}
