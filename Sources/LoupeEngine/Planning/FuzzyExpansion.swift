import Foundation
import LoupeIndex
import LoupeQuery

/// How a fuzzy word (`word~`, `word~N`) becomes the terms it matches and their weights.
///
/// The word is analyzed as any word is (so under the English analyzer its stem is compared
/// with the indexed stems); each token is then expanded through the term dictionary of every
/// field searched (``IndexReader/fuzzyTerms(_:near:maxEdits:limit:)``) to at most
/// `maxExpansions` terms, the closest and most frequent first. Without a number the distance
/// follows the token's length (``FuzzyDistance``).
///
/// Exact matches rank above fuzzy ones: every expansion is scored with the idf of the most
/// frequent expansion, as Lucene's blended rewrite does, so a rare misspelling does not outweigh
/// the word meant, and each edit halves a term's weight (``editPenalty``).
struct FuzzyExpansion {
    /// The factor each edit multiplies a term's weight by.
    static let editPenalty = 0.5

    /// One term the word expands to, with the boost that gives it its weight.
    struct WeightedTerm {
        var term: String
        var edits: Int
        var boost: Double
    }

    /// The terms `text` expands to over `fields`, with their boosts (before the query's own).
    static func terms(
        _ text: String, maxEdits: Int?, fields: [IndexField], reader: IndexReader, maxExpansions: Int
    ) throws -> [WeightedTerm] {
        var out: [WeightedTerm] = []
        for token in reader.analyzer.tokens(text) {
            let edits = maxEdits ?? FuzzyDistance.automatic(forLength: token.term.unicodeScalars.count)
            // The closest edits and the largest document frequency of each term over the fields.
            var found: [String: (edits: Int, docFreq: UInt32)] = [:]
            for field in fields {
                for near in try reader.fuzzyTerms(field, near: token.term, maxEdits: edits, limit: maxExpansions) {
                    let known = found[near.term]
                    found[near.term] = (min(known?.edits ?? near.edits, near.edits), max(known?.docFreq ?? 0, near.info.docFreq))
                }
            }
            let kept = found.sorted { a, b in
                a.value.edits != b.value.edits ? a.value.edits < b.value.edits
                    : a.value.docFreq != b.value.docFreq ? a.value.docFreq > b.value.docFreq
                    : a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
            }.prefix(maxExpansions)
            guard let blended = kept.map(\.value.docFreq).max() else { continue }
            let documents = Double(reader.statistics.liveDocs)
            let blendedIdf = BM25.idf(docFreq: Double(blended), docCount: documents)
            for (term, entry) in kept {
                let idf = BM25.idf(docFreq: Double(entry.docFreq), docCount: documents)
                let penalty = pow(editPenalty, Double(entry.edits))
                out.append(WeightedTerm(term: term, edits: entry.edits, boost: penalty * (idf > 0 ? blendedIdf / idf : 1)))
            }
        }
        return out
    }
}
