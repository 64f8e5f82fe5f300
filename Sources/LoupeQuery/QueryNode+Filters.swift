extension QueryNode {
    /// True for a filter, or a boolean made only of filters: a node that never scores.
    public var isFilterOnly: Bool {
        switch self {
        case .filter: true
        case .boolean(let clauses, _): clauses.allSatisfy { $0.node.isFilterOnly }
        default: false
        }
    }
}
