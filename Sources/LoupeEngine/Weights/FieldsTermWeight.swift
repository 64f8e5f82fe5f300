import LoupeIndex

/// One term over several weighted fields, scored with BM25F (``BM25FTermScorer``).
final class FieldsTermWeight: BlockMaxLeafWeight {
    struct FieldStatistics {
        let field: IndexField
        let info: TermInfo
        let weight: Double
        /// `1 / (1 − b + b · dl / avgdl)` per length code.
        let norms: NormTable
    }

    let term: String
    let fields: [FieldStatistics]
    let idf: Double
    let boost: Double
    let parameters: BM25Parameters
    let reader: IndexReader

    /// nil when the term is in none of `fields`.
    init?(term: String, fields weighted: [(IndexField, Double)], boost: Double, norms: NormTables, reader: IndexReader) throws {
        var fields: [FieldStatistics] = []
        var docFreq: UInt32 = 0
        for (field, weight) in weighted {
            guard let info = try reader.termInfo(field, term), info.docFreq > 0 else { continue }
            docFreq = max(docFreq, info.docFreq)
            fields.append(FieldStatistics(field: field, info: info, weight: weight, norms: norms.bm25f(field)))
        }
        guard !fields.isEmpty else { return nil }
        self.term = term
        self.fields = fields
        self.boost = boost
        self.parameters = norms.parameters
        self.reader = reader
        idf = BM25.idf(docFreq: Double(docFreq), docCount: Double(reader.statistics.liveDocs))
    }

    func leafScorer(frequencies: Bool) throws -> BM25FTermScorer? {
        var postings: [BM25FTermScorer.FieldPostings] = []
        for f in fields {
            let p = TermPostings(chunks: try reader.postingsChunks(f.info), info: f.info, frequencies: frequencies)
            guard p.doc != terminatedDoc else { continue }
            postings.append(.init(
                field: f.field, postings: p, lengths: reader.lengths(f.field), weight: f.weight, norms: f.norms))
        }
        guard !postings.isEmpty else { return nil }
        return BM25FTermScorer(term: term, fields: postings, idf: idf, boost: boost, parameters: parameters, reader: reader)
    }

    func addHighlights(to out: inout HighlightTerms) { out.terms.insert(term) }

    /// Block-max skipping over the fields' merged blocks (``BlockMaxConjunctionRunner`` of one leaf).
    func topDocs(k: Int, algorithm: RetrievalAlgorithm, context: CollectionContext) throws -> TopDocsRun {
        var collector = TopKCollector(k: k)
        guard let scorer = try leafScorer(frequencies: true) else { return TopDocsRun(collector, offered: 0, exact: true) }
        if algorithm == .exhaustive || k == 0 { return try TopDocs.exhaustive(scorer, k: k, context) }
        let offered = try BlockMaxConjunctionRunner([scorer]).run(&collector, context)
        return TopDocsRun(collector, offered: offered, exact: false)
    }
}
