import LoupeIndex

/// The document-at-a-time loops every weight can fall back on: score every match, top-k of a
/// phrase, and counting. Deleted documents are skipped before they reach the collector; the
/// deadline is checked every ``Deadline/stride`` documents.
enum TopDocs {
    /// The top `k` of every match scored, and their exact count.
    static func exhaustive(_ scorer: Scorer, k: Int, _ context: CollectionContext) throws -> TopDocsRun {
        var collector = TopKCollector(k: k)
        let offered = try exhaustive(scorer, &collector, context)
        return TopDocsRun(collector, offered: offered, exact: true)
    }

    /// Scores every match; returns how many live documents matched (the exact total).
    static func exhaustive(_ scorer: Scorer, _ collector: inout TopKCollector, _ context: CollectionContext) throws -> Int {
        var offered = 0
        var walked = 0
        var doc = scorer.doc
        while doc != terminatedDoc {
            if context.deleted?(doc) != true {
                offered += 1
                collector.offer(doc: doc, score: scorer.score())
            }
            if walked % Deadline.stride == 0 { try context.deadline.check() }
            walked &+= 1
            doc = scorer.next()
        }
        return offered
    }

    /// Top-k of a phrase, telling it the threshold so that it skips candidates whose bound
    /// cannot compete before reading their positions.
    static func phraseTopK(_ phrase: PhraseScorer, _ collector: inout TopKCollector, _ context: CollectionContext) throws -> Int {
        var offered = 0
        var walked = 0
        var doc = phrase.doc
        while doc != terminatedDoc {
            if context.deleted?(doc) != true {
                offered += 1
                if collector.offer(doc: doc, score: phrase.score()) { phrase.minimumCompetitiveScore = collector.threshold }
            }
            if walked % Deadline.stride == 0 { try context.deadline.check() }
            walked &+= 1
            doc = phrase.next()
        }
        return offered
    }

    /// Counts live matches without scoring them.
    static func count(_ scorer: Scorer, _ context: CollectionContext) throws -> Int {
        var total = 0
        var walked = 0
        var doc = scorer.doc
        while doc != terminatedDoc {
            if context.deleted?(doc) != true { total += 1 }
            if walked % Deadline.stride == 0 { try context.deadline.check() }
            walked &+= 1
            doc = scorer.next()
        }
        return total
    }
}
