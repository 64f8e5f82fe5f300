import LoupeAnalysis
import LoupeIndex
import LoupeQuery
import LoupeTestSupport

/// Decides by brute force, one document at a time, which documents a query tree matches.
///
/// It is the specification the engine's match set is tested against (`MatchSetPropertyTests`):
/// it reads no index, only ``ReferenceDocument``s analyzed the way the index analyzes them, and
/// it states each rule directly instead of iterating postings. Scores are out of its scope.
///
/// Words of the query are analyzed with the index's analyzer, as `QueryPlanner` does:
///
/// - **Term** `text` (field `nil` = the default fields, body and title): the text is analyzed.
///   No token (a stop word, punctuation only) matches nothing. One token matches a document
///   holding that term in any of the fields. A word the analyzer splits into several tokens
///   (`e-mail`, `alpha-beta`) matches any of its parts, as Lucene's classic parser reads it
///   (docs/query-syntax.md, "How words are matched"): `alpha-beta` is `alpha OR beta`, in any
///   of the fields, and not a phrase.
/// - **Prefix** `text*`: the text is normalized with `Analyzer.normalize(_:)` (case and
///   diacritic folding only: no stemming, no splitting). An empty prefix matches nothing;
///   otherwise a document matches when one of its terms in one of the fields starts with the
///   prefix, compared as UTF-8 bytes like the term dictionary's keys. (The engine caps an
///   expansion at `maxExpansions` terms and throws beyond it; the tests stay well below.)
/// - **Phrase** `words~slop`: the words are joined with spaces and analyzed as one text, so a
///   stop word inside keeps its position. No token matches nothing; one token is the term of
///   that text; several tokens t₀…tₙ with offsets oᵢ = position(tᵢ) − position(t₀) match a
///   field, as `PhraseScorer`'s documentation defines, when positions pᵢ of each tᵢ in that
///   field can be chosen with max(pᵢ − oᵢ) − min(pᵢ − oᵢ) ≤ slop. Nothing requires the chosen
///   positions to be distinct, so a repeated term may use one position twice. All tokens must be
///   found in one same field; a document matches when some field matches.
/// - **Boolean**, with Lucene's rules: every `must` clause has to match and no `mustNot` clause
///   may match; with at least one `must` clause the `should` clauses are optional, and without
///   any at least one `should` clause has to match. So a boolean of only `mustNot` clauses
///   matches nothing. Boosts never change matching.
/// - **matchNone** matches nothing.
/// - **Filter** tests the document's metadata directly: `type:`, `ext:` (compared lowercase), the
///   modification date and the size within the range. In a boolean, the clauses made only of
///   filters are set apart: every required one has to pass, one of the optional ones (when there
///   are any), and no excluded one. The other clauses match by the rules above and the filters
///   restrict them; without any other clause, or with only excluded ones, the document matches
///   when the filters pass and no excluded clause matches.
///
/// How this mirrors `QueryPlanner` for clauses that can match nothing: the planner turns a leaf
/// with no token, an unknown term or an empty prefix expansion into "no scorer" (`nil`). A `must`
/// clause without a scorer makes its whole boolean plan to nothing, a `should` or `mustNot`
/// clause without one is dropped, and a boolean left without `must` and `should` scorers plans to
/// nothing. Here such a clause simply matches no document, and the rules above give the same
/// result: a `must` clause that matches nothing empties its boolean, a `should` clause that
/// matches nothing adds nothing, and a `mustNot` clause that matches nothing excludes nothing.
/// So a boolean whose clauses all analyze to no token, like `+the -of` under the English
/// preset, matches nothing, and `alpha -the` matches what `alpha` matches.
struct ReferenceMatcher: Sendable {
    /// The analyzer of the index: the one the documents were analyzed with.
    let analyzer: Analyzer
    /// The fields a clause without a field searches, as the keys of `SearchOptions.fields`.
    var defaultFields: [IndexField] = [.body, .title]

    /// Whether `node` matches `document`, by the rules above.
    func matches(_ node: QueryNode, _ document: ReferenceDocument) -> Bool {
        switch node {
        case .matchNone:
            return false
        case .term(let text, let field, _):
            return analyzer.tokens(text).contains { matchesWords([$0], slop: 0, fields(field), document) }
        case .prefix(let text, let field, _):
            let prefix = analyzer.normalize(text)
            guard !prefix.isEmpty else { return false }
            return fields(field).contains { f in
                document.vocabulary(of: f).contains { $0.utf8.starts(with: prefix.utf8) }
            }
        case .fuzzy(let text, let maxEdits, let field, _):
            // Every term within the distance, without the planner's limit on expansions.
            return analyzer.tokens(text).contains { token in
                let edits = maxEdits ?? FuzzyDistance.automatic(forLength: token.term.unicodeScalars.count)
                return fields(field).contains { f in
                    document.vocabulary(of: f).contains {
                        EditDistance.optimalStringAlignment(Array(token.term.unicodeScalars), Array($0.unicodeScalars)) <= edits
                    }
                }
            }
        case .phrase(let words, let slop, let field, _):
            let tokens = analyzer.tokens(words.joined(separator: " "))
            // One token is a term (the planner re-plans it as one): the slop no longer applies.
            return matchesWords(tokens, slop: tokens.count == 1 ? 0 : slop, fields(field), document)
        case .filter(let filter):
            return Self.passes(filter, document)
        case .boolean(let clauses, _):
            let filters = clauses.filter { Self.isFilterOnly($0.node) }
            let others = clauses.filter { !Self.isFilterOnly($0.node) }
            if !filters.isEmpty {
                let passes = filters.allSatisfy { $0.occur != .must || matches($0.node, document) }
                    && !filters.contains { $0.occur == .mustNot && matches($0.node, document) }
                    && (!filters.contains { $0.occur == .should } || filters.contains { $0.occur == .should && matches($0.node, document) })
                guard passes else { return false }
                if !others.contains(where: { $0.occur != .mustNot }) {
                    return !others.contains { matches($0.node, document) }
                }
                return matches(.boolean(clauses: others, boost: 1), document)
            }
            var hasMust = false, anyShould = false
            for clause in clauses {
                switch clause.occur {
                case .must:
                    hasMust = true
                    if !matches(clause.node, document) { return false }
                case .mustNot:
                    if matches(clause.node, document) { return false }
                case .should:
                    if !anyShould && matches(clause.node, document) { anyShould = true }
                }
            }
            return hasMust || anyShould
        }
    }

    /// Whether `filter` accepts `document`'s metadata.
    static func passes(_ filter: Filter, _ document: ReferenceDocument) -> Bool {
        switch filter {
        case .type(let type): document.metadata.type == type
        case .ext(let ext): document.metadata.ext.lowercased() == ext.lowercased()
        case .modified(let range): range.lower <= document.metadata.modified && document.metadata.modified <= range.upper
        case .size(let range): range.lower <= Int64(document.size) && Int64(document.size) <= range.upper
        }
    }

    /// A filter, or a boolean of nothing but filters.
    static func isFilterOnly(_ node: QueryNode) -> Bool {
        switch node {
        case .filter: true
        case .boolean(let clauses, _): clauses.allSatisfy { isFilterOnly($0.node) }
        default: false
        }
    }

    /// The ids of the documents of `documents` that `node` matches.
    func matchingIds(_ node: QueryNode, in documents: [ReferenceDocument]) -> Set<String> {
        Set(documents.lazy.filter { matches(node, $0) }.map(\.id))
    }

    /// The index fields a clause with `field` searches.
    func fields(_ field: Field?) -> [IndexField] {
        switch field {
        case nil: defaultFields
        case .body: [.body]
        case .title: [.title]
        case .path: [.path]
        }
    }

    /// Whether the analyzed `tokens` match in one of `fields`: nothing for no token, the term for
    /// one, the phrase with `slop` for several.
    private func matchesWords(_ tokens: [AnalyzedToken], slop: Int, _ fields: [IndexField], _ document: ReferenceDocument) -> Bool {
        guard let first = tokens.first else { return false }
        if tokens.count == 1 {
            return fields.contains { !document.positions(of: first.term, in: $0).isEmpty }
        }
        let offsets = tokens.map { Int($0.position) - Int(first.position) }
        return fields.contains { field in
            Self.phraseMatches(tokens.map { document.positions(of: $0.term, in: field) }, offsets: offsets, slop: slop)
        }
    }

    /// Whether positions pᵢ ∈ `positions[i]` exist with max(pᵢ − oᵢ) − min(pᵢ − oᵢ) ≤ `slop`.
    ///
    /// Checked directly: such a choice exists exactly when some window [m, m + slop] holds an
    /// adjusted position pᵢ − oᵢ of every term, and when one does, the window can start at the
    /// smallest adjusted position of the choice. So every adjusted position is tried as m.
    static func phraseMatches(_ positions: [[Int]], offsets: [Int], slop: Int) -> Bool {
        let adjusted = zip(positions, offsets).map { list, offset in list.map { $0 - offset } }
        guard adjusted.allSatisfy({ !$0.isEmpty }) else { return false }
        for start in adjusted.joined() {
            if adjusted.allSatisfy({ list in list.contains { $0 >= start && $0 <= start + slop } }) { return true }
        }
        return false
    }
}
