import LoupeIndex

/// The relevance model of RM3 (Lavrenko and Croft, SIGIR 2001; Abdul-Jaleel et al., TREC 2004),
/// estimated the way Anserini's `Rm3Reranker` estimates it: a probability for each of the best
/// terms of the feedback documents.
///
/// For each feedback document (best first), the terms of its stored title and text are counted
/// after analysis with the index's analyzer, so they are the index's own terms. A term is left
/// out when it has fewer than 2 or more than 20 characters, or when it occurs in more than
/// ``maximumDocumentRatio`` of the documents (in any of the searched fields): Anserini's stand-in
/// for a stop-word list. Each document keeps its `feedbackTerms` most frequent terms, divided by
/// their sum; a term's weight is the sum over the documents of that share times the document's
/// first-pass score. The `feedbackTerms` heaviest terms are kept and scaled to sum to 1.
///
/// Ties are broken by the term's bytes, and sums run in rank order, so one index and one query
/// always give the same model.
struct RelevanceModel {
    /// A term of the model and its probability.
    struct Entry: Equatable {
        let term: String
        let weight: Double
    }

    /// A term found in more than this share of the documents is not a feedback term.
    static let maximumDocumentRatio = 0.1
    /// The shortest and longest feedback terms, in characters.
    static let termLengths = 2...20

    /// The kept terms, heaviest first; their weights sum to 1 (empty when no document had a term).
    let entries: [Entry]

    /// Estimates the model from `feedback` (best first, with their scores), reading the documents'
    /// stored text from `reader`. `fields` are those the query searches: a term's document
    /// frequency is its largest in them.
    init(feedback: [ScoredDoc], feedbackTerms: Int, fields: [IndexField], reader: IndexReader) throws {
        let documents = Double(reader.statistics.liveDocs)
        var kept: [String: Bool] = [:]
        func isFeedbackTerm(_ term: String) throws -> Bool {
            if let known = kept[term] { return known }
            var docFreq: UInt32 = 0
            for field in fields { docFreq = max(docFreq, try reader.termInfo(field, term)?.docFreq ?? 0) }
            let keep = Self.termLengths.contains(term.count) && docFreq > 0 && Double(docFreq) <= Self.maximumDocumentRatio * documents
            kept[term] = keep
            return keep
        }

        var weights: [String: Double] = [:]
        for hit in feedback {
            var counts: [String: Int] = [:]
            let title = try reader.document(hit.doc)?.title ?? ""
            for text in [title, try reader.text(hit.doc) ?? ""] {
                reader.analyzer.analyze(text) { term, _, _ in
                    counts[String(decoding: term, as: UTF8.self), default: 0] += 1
                }
            }
            let vector = try counts.filter { try isFeedbackTerm($0.key) }
                .map { Entry(term: $0.key, weight: Double($0.value)) }
            let top = Self.heaviest(vector, feedbackTerms)
            let norm = top.reduce(0) { $0 + $1.weight }
            guard norm > 0 else { continue }
            for entry in top { weights[entry.term, default: 0] += entry.weight / norm * hit.score }
        }
        let top = Self.heaviest(weights.map { Entry(term: $0.key, weight: $0.value) }, feedbackTerms)
        let sum = top.reduce(0) { $0 + $1.weight }
        entries = sum > 0 ? top.map { Entry(term: $0.term, weight: $0.weight / sum) } : []
    }

    /// The `count` heaviest entries, heaviest first, ties by term.
    static func heaviest(_ entries: [Entry], _ count: Int) -> [Entry] {
        Array(entries.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
            .prefix(count))
    }
}
