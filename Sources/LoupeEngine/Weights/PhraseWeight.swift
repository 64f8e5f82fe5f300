import LoupeIndex

/// A phrase (exact or sloppy) in one field, scored with BM25 over the phrase frequency; its
/// idf is the sum of its words' idfs.
final class PhraseWeight: Weight {
    let text: String
    let field: IndexField
    let terms: [TermQueryWeight]
    let offsets: [UInt32]
    let slop: Int
    let weight: TermWeight
    let reader: IndexReader

    /// nil when a word of the phrase is not in `field`. `tokens` holds two or more.
    init?(text: String, tokens: [(term: String, offset: UInt32)], slop: Int, field: IndexField, boost: Double, norms: NormTables,
          reader: IndexReader) throws {
        var terms: [TermQueryWeight] = []
        for token in tokens {
            guard let term = try TermQueryWeight(term: token.term, field: field, boost: 1, norms: norms, reader: reader) else { return nil }
            terms.append(term)
        }
        self.text = text
        self.field = field
        self.terms = terms
        self.offsets = tokens.map(\.offset)
        self.slop = slop
        self.reader = reader
        weight = TermWeight(
            idf: terms.reduce(0) { $0 + $1.weight.idf }, boost: boost, parameters: norms.parameters,
            averageLength: reader.statistics.averageLength(field), norms: norms.bm25(field))
    }

    /// Positions need the term frequencies, so counting uses the full scorer too.
    func scorer(frequencies: Bool) throws -> Scorer? { try phraseScorer() }

    private func phraseScorer() throws -> PhraseScorer? {
        var scorers: [TermScorer] = []
        for term in terms {
            guard let scorer = try term.leafScorer(frequencies: true) else { return nil }
            scorers.append(scorer)
        }
        return PhraseScorer(text: text, field: field, terms: scorers, offsets: offsets, slop: slop, weight: weight, reader: reader)
    }

    func addHighlights(to out: inout HighlightTerms) {
        out.add(phrase: zip(terms, offsets).map { ($0.term, $1) })
    }

    /// Candidates whose bound cannot beat the heap's threshold are passed over before their
    /// positions are read.
    func topDocs(k: Int, algorithm: RetrievalAlgorithm, context: CollectionContext) throws -> TopDocsRun {
        var collector = TopKCollector(k: k)
        guard let scorer = try phraseScorer() else { return TopDocsRun(collector, offered: 0, exact: true) }
        if algorithm == .exhaustive || k == 0 { return try TopDocs.exhaustive(scorer, k: k, context) }
        let offered = try TopDocs.phraseTopK(scorer, &collector, context)
        return TopDocsRun(collector, offered: offered, exact: false)
    }
}
