import Foundation
import LoupeAnalysis
import LoupeEngine
import LoupeExtract
import LoupeIndex
import LoupeQuery
import LoupeTestSupport
import Testing

/// A randomized test of metadata filters and sorting against brute force, the sibling of
/// ``MatchSetPropertyTests``: random indexes whose documents carry random types, extensions,
/// dates and sizes, built in several commits with deletions and replacements, then compacted and
/// committed to again; random queries mixing words and filters (``RandomQueryText`` with
/// filters), at every point:
/// - the hits are exactly the live documents ``ReferenceMatcher`` matches, and `total` counts them;
/// - a query made only of filters lists its documents in doc-id order with score 0;
/// - words restricted by a filter keep exactly the scores they have alone;
/// - a top-3 search keeps the exact total and returns the best 3, with every retrieval algorithm;
/// - sorting by date gives the brute-force order (date, then score, then doc id).
///
/// `LOUPE_MATCHSET_SEED` replaces the seed, as for ``MatchSetPropertyTests``.
@Suite struct FilterPropertyTests {
    static let types: [DocumentType] = [.pdf, .txt, .md, .email, .other, .html]
    static let extensions = ["pdf", "txt", "gz", "md", "", "TXT"]
    /// Dates shared by several documents (ties for sorting), and random ones from 2000 to 2030.
    static let commonDates: [Int64] = [1_577_836_800, 1_704_067_200, 1_009_843_200]
    static let sizes: [UInt64] = [0, 100, 101, 999, 1000, 1500, 1024, 2_000_000, 1_000_000, 1_000_001, 5_000_000]

    @Test(arguments: [AnalyzerPreset.english])
    func filtersMatchTheReference(preset: AnalyzerPreset) throws {
        var run = FilterRun(seed: MatchSetPropertyTests.baseSeed &+ 7, analyzer: Analyzer(.preset(preset)), preset: preset)
        for size in [40...70, 200...260] { try run.checkRandomIndex(size: size) }
        print("FilterPropertyTests: \(run.checked) cases checked, \(run.failures) failed, seed \(MatchSetPropertyTests.hex(run.seed))")
        #expect(run.checked > 100)
        #expect(run.failures == 0)
    }
}

private struct FilterRun {
    let seed: UInt64
    let analyzer: Analyzer
    let preset: AnalyzerPreset
    var rng: SeededGenerator
    var checked = 0
    var failures = 0
    var serial = 0

    init(seed: UInt64, analyzer: Analyzer, preset: AnalyzerPreset) {
        self.seed = seed
        self.analyzer = analyzer
        self.preset = preset
        rng = SeededGenerator(seed: seed)
    }

    mutating func checkRandomIndex(size: ClosedRange<Int>) throws {
        let dir = TemporaryDirectory("filters")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(preset))
        let writer = try IndexWriter(index: index)
        var live: [String: DocumentInput] = [:]
        let count = Int.random(in: size, using: &rng)
        for i in 0..<count {
            let document = newDocument(id: nil)
            try writer.add(document)
            live[document.id] = document
            if i == count / 2 { try writer.commit() }
        }
        try writer.commit()
        try check(index, live, "after two commits")

        for id in live.keys.sorted() {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0:
                writer.delete(id: id)
                live[id] = nil
            case 1:
                let replacement = newDocument(id: id)
                try writer.add(replacement)
                live[id] = replacement
            case 2:
                // Unchanged content, new date and size: the columns follow.
                let old = live[id]!
                let mtime = Int64.random(in: 946_684_800...1_893_456_000, using: &rng) * 1_000_000_000
                writer.touch(id: id, mtimeNanoseconds: mtime, size: old.size + 7)
                var touched = old
                touched.mtimeNanoseconds = mtime
                touched.size = old.size + 7
                touched.metadata.modified = mtime / 1_000_000_000
                live[id] = touched
            default: break
            }
        }
        try writer.commit()
        try check(index, live, "after deletes, replacements and touches")
        #expect(try IndexChecker(index: index).check().problems == [])

        try Compactor(index: index).compact()
        try check(index, live, "compacted")
        for _ in 0..<5 {
            let document = newDocument(id: nil)
            try writer.add(document)
            live[document.id] = document
        }
        try writer.commit()
        try check(index, live, "a commit after compaction")
        #expect(try IndexChecker(index: index).check().problems == [])
    }

    mutating func newDocument(id: String?) -> DocumentInput {
        serial += 1
        let modified = Bool.random(using: &rng)
            ? FilterPropertyTests.commonDates.randomElement(using: &rng)!
            : Int64.random(in: 946_684_800...1_893_456_000, using: &rng)
        let metadata = DocumentMetadata(
            type: FilterPropertyTests.types.randomElement(using: &rng)!, ext: FilterPropertyTests.extensions.randomElement(using: &rng)!,
            modified: modified, fields: Bool.random(using: &rng) ? [DocumentField(name: "from", value: "a@example.org")] : [])
        return DocumentInput(
            id: id ?? RandomCorpus.id(serial: serial, using: &rng), title: RandomCorpus.title(using: &rng),
            text: RandomCorpus.body(using: &rng), mtimeNanoseconds: modified * 1_000_000_000,
            size: FilterPropertyTests.sizes.randomElement(using: &rng)!, metadata: metadata)
    }

    mutating func check(_ index: Index, _ live: [String: DocumentInput], _ label: String) throws {
        let reader = try index.reader()
        let searcher = Searcher(reader: reader)
        let documents = live.values.sorted { $0.id < $1.id }.map { d in
            ReferenceDocument(id: d.id, title: d.title, text: d.text, analyzer: analyzer, metadata: d.metadata, size: d.size)
        }
        var docIds: [String: UInt32] = [:]
        for id in live.keys { docIds[id] = try #require(try reader.docId(forId: id)) }
        let matcher = ReferenceMatcher(analyzer: analyzer)
        var all = SearchOptions()
        all.limit = Int(reader.statistics.nextDocId) + 1

        for _ in 0..<40 {
            let text = RandomQueryText.query(filters: true, using: &rng)
            for op in [DefaultOperator.or, .and] {
                checked += 1
                var problems: [String] = []
                let node = try QueryParser(QueryParserOptions(defaultOperator: op)).parse(text)
                var options = all
                options.defaultOperator = op
                let results = try searcher.search(node, options: options)
                let expected = Set(matcher.matchingIds(node, in: documents).map { docIds[$0]! })
                if Set(results.hits.map(\.doc)) != expected || results.hits.count != expected.count { problems.append("hits differ") }
                if results.total != expected.count { problems.append("total \(results.total), expected \(expected.count)") }
                if ReferenceMatcher.isFilterOnly(node) {
                    if results.hits.map(\.doc) != expected.sorted() { problems.append("filter-only hits not in doc-id order") }
                    if results.hits.contains(where: { $0.score != 0 }) { problems.append("filter-only hits with a score") }
                }
                // The words alone: the filters only remove documents, scores stay.
                if case .boolean(let clauses, 1) = node, clauses.contains(where: { ReferenceMatcher.isFilterOnly($0.node) }),
                   clauses.contains(where: { !ReferenceMatcher.isFilterOnly($0.node) && $0.occur != .mustNot }) {
                    let words = clauses.filter { !ReferenceMatcher.isFilterOnly($0.node) }
                    let alone = try searcher.search(.boolean(clauses: words, boost: 1), options: options)
                    let scores = Dictionary(uniqueKeysWithValues: alone.hits.map { ($0.doc, $0.score) })
                    for hit in results.hits where abs((scores[hit.doc] ?? -1) - hit.score) > 1e-9 * max(1, hit.score) {
                        problems.append("doc \(hit.doc) scores \(hit.score) with the filters, \(scores[hit.doc] ?? -1) without")
                    }
                }
                for algorithm in RetrievalAlgorithm.allCases {
                    var top = options
                    top.limit = 3
                    top.algorithm = algorithm
                    let topResults = try searcher.search(node, options: top)
                    if topResults.total != expected.count { problems.append("top-3 (\(algorithm)) total \(topResults.total)") }
                    let best = results.hits.prefix(3).map(\.score)
                    if topResults.hits.map(\.score).count != best.count
                        || zip(topResults.hits.map(\.score), best).contains(where: { abs($0 - $1) > 1e-9 * max(1, $1) }) {
                        problems.append("top-3 (\(algorithm)) scores \(topResults.hits.map(\.score)), expected \(best)")
                    }
                }
                // Scores as the sorted collector computes them (every match scored alone, by its
                // words: proximity rescores only the ranking by score), for its ties.
                var exhaustive = options
                exhaustive.algorithm = .exhaustive
                exhaustive.proximity = false
                let scored = try searcher.search(node, options: exhaustive)
                for order in [HitOrder.modified, .newest] {
                    var sorted = options
                    sorted.sort = order
                    sorted.limit = 5
                    sorted.offset = 1
                    let got = try searcher.search(node, options: sorted)
                    let byDoc = Dictionary(uniqueKeysWithValues: scored.hits.map { ($0.doc, $0.score) })
                    let modified = Dictionary(uniqueKeysWithValues: documents.map { (docIds[$0.id]!, $0.metadata.modified) })
                    let want = expected.sorted { a, b in
                        if modified[a]! != modified[b]! { return order == .modified ? modified[a]! < modified[b]! : modified[a]! > modified[b]! }
                        if byDoc[a, default: -1] != byDoc[b, default: -1] { return byDoc[a, default: -1] > byDoc[b, default: -1] }
                        return a < b
                    }.dropFirst(1).prefix(5)
                    if got.hits.map(\.doc) != Array(want) { problems.append("sort \(order.rawValue): \(got.hits.map(\.doc)), expected \(Array(want))") }
                    if got.total != expected.count { problems.append("sort \(order.rawValue): total \(got.total)") }
                }
                if !problems.isEmpty {
                    failures += 1
                    if failures <= 8 {
                        Issue.record(Comment(rawValue: "\(label), seed \(MatchSetPropertyTests.hex(seed)): \(text.debugDescription) (\(op)), parsed as \(node.description.debugDescription): " + problems.joined(separator: "; ")))
                    }
                }
            }
        }
    }
}
