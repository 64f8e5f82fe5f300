import LoupeIndex

/// One term in one field, scored with BM25; its statistics (document frequency, idf, average
/// length) are bound once.
final class TermQueryWeight: BlockMaxLeafWeight {
    let term: String
    let field: IndexField
    let info: TermInfo
    let weight: TermWeight
    let reader: IndexReader

    /// nil when the term is not in `field` (or has no live documents). `norms` are the query's tables.
    init?(term: String, field: IndexField, boost: Double, norms: NormTables, reader: IndexReader) throws {
        let parameters = norms.parameters
        guard let info = try reader.termInfo(field, term), info.docFreq > 0 else { return nil }
        self.term = term
        self.field = field
        self.info = info
        self.reader = reader
        weight = TermWeight(
            idf: BM25.idf(docFreq: Double(info.docFreq), docCount: Double(reader.statistics.liveDocs)), boost: boost,
            parameters: parameters, averageLength: reader.statistics.averageLength(field), norms: norms.bm25(field))
    }

    func leafScorer(frequencies: Bool) throws -> TermScorer? {
        let postings = TermPostings(chunks: try reader.postingsChunks(info), info: info, frequencies: frequencies)
        guard postings.doc != terminatedDoc else { return nil }
        return TermScorer(term: term, field: field, postings: postings, weight: weight, reader: reader)
    }

    func addHighlights(to out: inout HighlightTerms) { out.terms.insert(term) }

    /// Block at a time, skipping blocks on their impacts (``TermTopKRunner``); the total is the
    /// document frequency.
    func topDocs(k: Int, algorithm: RetrievalAlgorithm, context: CollectionContext) throws -> TopDocsRun {
        var collector = TopKCollector(k: k)
        guard let scorer = try leafScorer(frequencies: true) else { return TopDocsRun(collector, offered: 0, exact: true) }
        if algorithm == .exhaustive || k == 0 { return try TopDocs.exhaustive(scorer, k: k, context) }
        let offered = try TermTopKRunner(term: scorer).run(&collector, context)
        return context.filtered ? TopDocsRun(collector, offered: offered, exact: false)
            : TopDocsRun(collector, offered: Int(info.docFreq), exact: true)
    }

    /// The dictionary's document frequency counts live documents only (deletes subtract from
    /// it in their commit), so it is the exact total without reading postings.
    func count(context: CollectionContext) throws -> Int {
        guard context.filtered else { return Int(info.docFreq) }
        guard let scorer = try leafScorer(frequencies: false) else { return 0 }
        return try TopDocs.count(scorer, context)
    }
}
