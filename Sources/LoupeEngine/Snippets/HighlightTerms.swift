/// What a snippet highlights for a query: the analyzed terms of its positive clauses, and its
/// phrases (as analyzed terms with their relative positions) so that a phrase is marked as one
/// span. Excluded clauses contribute nothing.
public struct HighlightTerms: Sendable, Equatable {
    /// Terms highlighted wherever they occur.
    public var terms: Set<String> = []
    /// Phrases highlighted where their terms stand at these offsets from the first.
    public var phrases: [[(term: String, offset: UInt32)]] = []

    public init() {}

    /// Adds `other`'s terms and phrases (a phrase already here is not added twice).
    mutating func add(_ other: HighlightTerms) {
        terms.formUnion(other.terms)
        for phrase in other.phrases { add(phrase: phrase) }
    }

    /// Adds `phrase` unless it is already here.
    mutating func add(phrase: [(term: String, offset: UInt32)]) {
        let known = phrases.contains { $0.count == phrase.count && zip($0, phrase).allSatisfy { $0.term == $1.term && $0.offset == $1.offset } }
        if !known { phrases.append(phrase) }
    }

    public static func == (a: HighlightTerms, b: HighlightTerms) -> Bool {
        a.terms == b.terms && a.phrases.map { $0.map(\.term) } == b.phrases.map { $0.map(\.term) }
            && a.phrases.map { $0.map(\.offset) } == b.phrases.map { $0.map(\.offset) }
    }
}
