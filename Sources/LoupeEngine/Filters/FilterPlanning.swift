import LoupeIndex
import LoupeQuery

extension DocFilter {
    /// The filter that the filter-only clauses among `clauses` make: the required ones all pass,
    /// at least one of the optional ones passes (when there are any), and no excluded one does.
    /// Nil when no clause is filter-only. A boolean of only excluded filters passes every other
    /// document (unlike words, where only excluded clauses match nothing).
    static func of(_ clauses: [QueryClause], _ reader: IndexReader) throws -> DocFilter? {
        let filters = clauses.filter { $0.node.isFilterOnly }
        guard !filters.isEmpty else { return nil }
        let text = filters.map { clause in
            switch clause.occur {
            case .must: "+" + clause.node.description
            case .should: clause.node.description
            case .mustNot: "-" + clause.node.description
            }
        }.joined(separator: " ")
        return DocFilter(root: try node(filters, reader), docLimit: reader.statistics.nextDocId, text: text)
    }

    /// The filter of a filter-only `node`.
    static func of(_ node: QueryNode, _ reader: IndexReader) throws -> DocFilter {
        if case .boolean(let clauses, _) = node, let filter = try of(clauses, reader) { return filter }
        return DocFilter(root: try tree(node, reader), docLimit: reader.statistics.nextDocId, text: node.description)
    }

    private static func tree(_ node: QueryNode, _ reader: IndexReader) throws -> Node {
        switch node {
        case .filter(let filter): return try Self.node(filter, reader)
        case .boolean(let clauses, _): return try self.node(clauses, reader)
        default: preconditionFailure("not a filter: \(node)")
        }
    }

    private static func node(_ clauses: [QueryClause], _ reader: IndexReader) throws -> Node {
        var parts: [Node] = []
        var optional: [Node] = []
        for clause in clauses {
            let node = try tree(clause.node, reader)
            switch clause.occur {
            case .must: parts.append(node)
            case .should: optional.append(node)
            case .mustNot: parts.append(.not(node))
            }
        }
        if optional.count == 1 { parts.append(optional[0]) } else if optional.count > 1 { parts.append(.or(optional)) }
        return parts.count == 1 ? parts[0] : .and(parts)
    }
}
