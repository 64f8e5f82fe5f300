import Foundation
import LoupeIndex
import LoupeQuery

/// "Did you mean": the query with each word that no document has replaced by its most
/// frequent close word, for a query that found nothing or very little.
///
/// A word counts as unknown when, after analysis, none of its terms is in any field it searches
/// (phrases, prefixes, fuzzy words and excluded clauses are left as typed). Its replacement is
/// the closest term of the dictionary (1 edit, or 2 for a word of 9 letters or more; see
/// ``FuzzyDistance``), the most frequent among equally close ones, written as the documents
/// spell it: the dictionary holds analyzed terms (stems, under the English analyzer), so the
/// spelling is read back from the first documents that hold the term.
public struct QuerySuggester {
    public let reader: IndexReader
    /// Documents read to find how a term is spelt.
    static let spellingSamples = 3

    /// Queries with fewer results than this get a suggestion.
    public static let fewResults = 3

    public init(reader: IndexReader) {
        self.reader = reader
    }

    /// The suggestion for `query`, which `searcher` answered with `total` results under
    /// `options`; `nil` when it found enough, or when ``suggestion(for:node:fields:)`` has none.
    public func suggestion(for query: String, total: Int, searcher: Searcher, options: SearchOptions) throws -> String? {
        guard total < Self.fewResults else { return nil }
        let fields = options.fields.keys.sorted { $0.rawValue < $1.rawValue }
        return try suggestion(for: query, node: searcher.parse(query, options: options), fields: fields)
    }

    /// Whether ``suggestion(for:total:searcher:options:)`` would look for close words in the term
    /// dictionary (a walk the query deadline does not bound, and which builds the dictionary on
    /// its first use after a commit): the query found few results and has a word no document has.
    public func walksDictionary(for query: String, total: Int, searcher: Searcher, options: SearchOptions) throws -> Bool {
        guard total < Self.fewResults else { return false }
        var words: [(String, [IndexField])] = []
        collectWords(try searcher.parse(query, options: options), defaultFields: options.fields.keys.sorted { $0.rawValue < $1.rawValue }, into: &words)
        return try words.contains { typed, fields in try unknownTerm(typed, fields: fields) != nil }
    }

    /// The suggested query text, or `nil` when every word is known or no unknown word has a
    /// close term. `query` is the text as typed; `node` its parse; `fields` the default fields.
    public func suggestion(for query: String, node: QueryNode, fields: [IndexField]) throws -> String? {
        var words: [(String, [IndexField])] = []
        collectWords(node, defaultFields: fields, into: &words)
        var suggested = query
        var searchFrom = suggested.startIndex
        var changed = false
        for (typed, fields) in words {
            guard let replacement = try replacement(for: typed, fields: fields),
                  let range = suggested.range(of: typed, options: [], range: searchFrom..<suggested.endIndex)
            else { continue }
            suggested.replaceSubrange(range, with: replacement)
            searchFrom = suggested.index(range.lowerBound, offsetBy: replacement.count)
            changed = true
        }
        return changed ? suggested : nil
    }

    /// The plain words of the positive clauses of `node`, in query order, with their fields.
    private func collectWords(_ node: QueryNode, defaultFields: [IndexField], into words: inout [(String, [IndexField])]) {
        switch node {
        case .term(let text, let field, _):
            let fields: [IndexField] = switch field {
            case nil: defaultFields
            case .body: [.body]
            case .title: [.title]
            case .path: [.path]
            }
            words.append((text, fields))
        case .boolean(let clauses, _):
            for clause in clauses where clause.occur != .mustNot {
                collectWords(clause.node, defaultFields: defaultFields, into: &words)
            }
        case .prefix, .fuzzy, .phrase, .filter, .matchNone:
            break
        }
    }

    /// The word to put in place of `typed`, or `nil` when it is known or has no close term.
    private func replacement(for typed: String, fields: [IndexField]) throws -> String? {
        guard let term = try unknownTerm(typed, fields: fields) else { return nil }
        let edits = max(1, FuzzyDistance.automatic(forLength: term.unicodeScalars.count))
        var best: (term: FuzzyTerm, field: IndexField)?
        for field in fields {
            for near in try reader.fuzzyTerms(field, near: term, maxEdits: edits, limit: 1) {
                if let current = best?.term,
                   (current.edits, -Int(current.info.docFreq)) <= (near.edits, -Int(near.info.docFreq)) { continue }
                best = (near, field)
            }
        }
        guard let best else { return nil }
        return try TermSpelling(reader: reader, samples: Self.spellingSamples).spelling(of: best.term.term, info: best.term.info, in: best.field) ?? best.term.term
    }

    /// The one term `typed` analyzes to when no document has it in `fields`; `nil` for a known
    /// word or one that is not a single term.
    private func unknownTerm(_ typed: String, fields: [IndexField]) throws -> String? {
        let tokens = reader.analyzer.tokens(typed)
        guard tokens.count == 1, let term = tokens.first?.term else { return nil }
        for field in fields where (try reader.termInfo(field, term)?.docFreq ?? 0) > 0 { return nil }
        return term
    }
}
