/// A parsed clause on its way into a boolean query: its node and the prefix written before it.
struct Operand {
    /// `+`, or `-` / `NOT` / `!`, or `nil` for none.
    var modifier: Modifier?
    /// What the clause matches.
    var node: QueryNode

    /// The clause this operand becomes among operands joined by `conjunction`: a prefix
    /// decides, else `AND` makes it required and `OR` optional.
    func clause(joinedBy conjunction: Conjunction) -> QueryClause {
        let occur: Occur
        switch modifier {
        case .required: occur = .must
        case .prohibited: occur = .mustNot
        case nil: occur = conjunction == .and ? .must : .should
        }
        return QueryClause(occur: occur, node: node)
    }

    /// The operand as a query of its own: its node, or a boolean holding only its clause
    /// when it has a prefix.
    var standaloneNode: QueryNode {
        guard modifier != nil else { return node }
        return .boolean(clauses: [clause(joinedBy: .or)], boost: 1)
    }

    /// `operands` joined by `conjunction` into one boolean; a single operand is returned as
    /// it is (its prefix still pending), and none gives `nil`.
    static func combine(_ operands: [Operand], with conjunction: Conjunction) -> Operand? {
        guard operands.count > 1 else { return operands.first }
        let clauses = operands.map { $0.clause(joinedBy: conjunction) }
        return Operand(modifier: nil, node: .boolean(clauses: clauses, boost: 1))
    }
}

/// An operator that joins operands into a boolean query.
enum Conjunction {
    /// `AND`, or adjacency when the default operator is `AND`.
    case and
    /// `OR`, or adjacency when the default operator is `OR`.
    case or
}
