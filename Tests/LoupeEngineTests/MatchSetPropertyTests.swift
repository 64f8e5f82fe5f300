import Foundation
import LoupeAnalysis
import LoupeEngine
import LoupeIndex
import LoupeQuery
import LoupeTestSupport
import Testing

/// A randomized property test of the engine's match sets against the brute-force
/// ``ReferenceMatcher``.
///
/// For each analyzer preset it builds a few random small indexes (``RandomCorpus``) through
/// `IndexWriter`, in several commits, with deletions and replacements (a replaced or deleted
/// version must never match), and checks random queries (``RandomQueryText``) at four points of
/// each index's history: after two commits, after a commit of deletes and replacements, after
/// compaction (which renumbers every document), and after a commit on the compacted index. Every query string is parsed by the real `QueryParser` with both
/// default operators, and for each tree: the engine's hits are exactly the live documents the
/// reference matches, `total` is their number, and scores are finite, positive and in
/// non-increasing order. Every third case is also searched with a limit of 3, where top-k
/// retrieval may prune: `total` must stay exact and the hits must be 3 of the matches (or all).
///
/// The run is reproducible: the seed is printed, and `LOUPE_MATCHSET_SEED` (decimal or `0x`
/// hexadecimal) replaces the default one. A failure reports the seed, the query text, its tree,
/// and the documents on which the engine and the reference disagree.
@Suite struct MatchSetPropertyTests {
    /// The seed used when `LOUPE_MATCHSET_SEED` is not set.
    static let defaultSeed: UInt64 = 0x4C4F_5550_45

    /// The base seed of this run.
    static let baseSeed: UInt64 = {
        guard let text = ProcessInfo.processInfo.environment["LOUPE_MATCHSET_SEED"] else { return defaultSeed }
        let parsed = text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
        return parsed ?? defaultSeed
    }()

    /// Documents of each random index: three small ones and one that crosses the 128-document
    /// block size of the postings, so bit-packed blocks are read too.
    static let indexSizes: [ClosedRange<Int>] = [30...60, 30...60, 30...60, 200...280]
    /// Random query strings checked at each checkpoint of a small index and of the large one.
    static let queriesPerCheckpoint = (small: 40, large: 25)
    /// The limit of the sampled top-k searches (every third case is searched again with it).
    static let smallLimit = 3
    /// Disagreements described in full per preset; later ones are only counted.
    static let maxReportedFailures = 8

    @Test(arguments: [AnalyzerPreset.simple, .english])
    func engineMatchSetEqualsReference(preset: AnalyzerPreset) throws {
        let seed = Self.baseSeed &+ (preset == .english ? 1 : 0)
        print("MatchSetPropertyTests: preset \(preset.rawValue), seed \(Self.hex(seed)) (LOUPE_MATCHSET_SEED=\(Self.hex(Self.baseSeed)))")
        var run = PropertyRun(preset: preset, seed: seed)
        for (number, size) in Self.indexSizes.enumerated() {
            try run.checkRandomIndex(number: number, size: size)
        }
        print("MatchSetPropertyTests: preset \(preset.rawValue), \(run.checked) cases checked, \(run.failures) failed")
        #expect(run.checked > 0)
        #expect(run.failures == 0, "\(run.failures) of \(run.checked) cases disagree with the reference; seed \(Self.hex(seed))")
    }

    /// The reference itself, on cases small enough to check by hand.
    @Test func referenceSemanticsByExample() throws {
        let analyzer = Analyzer(.preset(.english))
        let matcher = ReferenceMatcher(analyzer: analyzer)
        let doc = ReferenceDocument(id: "a/x-1.txt", title: "Wind", text: "war of the worlds, quick brown fox", analyzer: analyzer)
        func match(_ query: String) throws -> Bool { matcher.matches(try QueryParser().parse(query), doc) }
        #expect(try match("\"war of the worlds\""))
        #expect(try !match("\"war worlds\""))  // the stop-word gap counts…
        #expect(try match("\"war worlds\"~2"))  // …unless the slop covers it
        #expect(try match("\"fox quick\"~3") && !(try match("\"fox quick\"~2")))
        #expect(try match("title:wind") && !(try match("body:wind")) && (try match("path:x")))
        #expect(try match("wor*") && !(try match("worlds*")))  // prefixes are not stemmed
        #expect(try !match("-fox") && !(try match("the")) && !(try match("+the fox")))
        #expect(try match("fox -the") && (try match("zeta OR brown")) && !(try match("zeta AND brown")))
        #expect(try match("zeta-fox") && !(try match("\"zeta fox\"")))  // a split word matches any part
        #expect(ReferenceMatcher.phraseMatches([[3], [3]], offsets: [0, 1], slop: 1))  // one position twice
    }

    static func hex(_ value: UInt64) -> String { "0x" + String(value, radix: 16) }
}

/// The state of one preset's run: the generator, the counts and the failure reports.
private struct PropertyRun {
    let preset: AnalyzerPreset
    let seed: UInt64
    let analyzer: Analyzer
    var rng: SeededGenerator
    var checked = 0
    var failures = 0
    /// Serial number of the next new document id.
    var serial = 0

    init(preset: AnalyzerPreset, seed: UInt64) {
        self.preset = preset
        self.seed = seed
        analyzer = Analyzer(.preset(preset))
        rng = SeededGenerator(seed: seed)
    }

    /// The live documents, in the order they were last added (ids), and their content.
    struct Model {
        var ids: [String] = []
        var content: [String: (title: String, text: String)] = [:]

        mutating func add(_ document: DocumentInput) {
            if content[document.id] != nil { ids.removeAll { $0 == document.id } }
            ids.append(document.id)
            content[document.id] = (document.title, document.text)
        }

        mutating func delete(_ id: String) {
            ids.removeAll { $0 == id }
            content[id] = nil
        }
    }

    /// Builds index `number` with about `size` documents in three commits (the third deletes,
    /// replaces and adds), compacts it and commits once more, and checks random queries after the
    /// second and third commits, the compaction and the last commit.
    mutating func checkRandomIndex(number: Int, size: ClosedRange<Int>) throws {
        let dir = TemporaryDirectory("matchset")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(preset))
        let writer = try IndexWriter(index: index)
        var model = Model()
        let count = Int.random(in: size, using: &rng)
        let queries = size.upperBound > 100 ? MatchSetPropertyTests.queriesPerCheckpoint.large : MatchSetPropertyTests.queriesPerCheckpoint.small

        // Two commits of new documents; now and then a document is replaced in its own batch.
        let split = Int.random(in: 1..<count, using: &rng)
        for i in 0..<count {
            let document = newDocument()
            try writer.add(document)
            model.add(document)
            if Int.random(in: 0..<12, using: &rng) == 0 {
                let replacement = DocumentInput(id: document.id, title: RandomCorpus.title(using: &rng), text: RandomCorpus.body(using: &rng))
                try writer.add(replacement)
                model.add(replacement)
            }
            if i + 1 == split { try writer.commit() }
        }
        try writer.commit()
        try check(index, model, label: "index \(number) (\(model.ids.count) docs, 2 commits)", queries: queries)

        // One commit that deletes, replaces and adds, in random order.
        let existing = model.ids
        for id in existing {
            switch Int.random(in: 0..<100, using: &rng) {
            case ..<15:
                writer.delete(id: id)
                model.delete(id)
            case ..<30:
                let replacement = DocumentInput(id: id, title: RandomCorpus.title(using: &rng), text: RandomCorpus.body(using: &rng))
                try writer.add(replacement)
                model.add(replacement)
            default:
                break
            }
            if Int.random(in: 0..<15, using: &rng) == 0 {
                let document = newDocument()
                try writer.add(document)
                model.add(document)
                if Bool.random(using: &rng) {  // added and deleted in the same batch
                    writer.delete(id: document.id)
                    model.delete(document.id)
                }
            }
        }
        writer.delete(id: "no/such-document.txt")
        try writer.commit()
        try check(index, model, label: "index \(number) (\(model.ids.count) docs, after deletes and replacements)", queries: queries)

        // Compaction renumbers every document; then a commit on top of the compacted index.
        try Compactor(index: index).compact()
        try check(index, model, label: "index \(number) (\(model.ids.count) docs, compacted)", queries: queries)
        for id in model.ids where Int.random(in: 0..<10, using: &rng) == 0 {
            let replacement = DocumentInput(id: id, title: RandomCorpus.title(using: &rng), text: RandomCorpus.body(using: &rng))
            try writer.add(replacement)
            model.add(replacement)
        }
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            let document = newDocument()
            try writer.add(document)
            model.add(document)
        }
        try writer.commit()
        try check(index, model, label: "index \(number) (\(model.ids.count) docs, a commit after compaction)", queries: queries)
    }

    /// A document with a fresh id.
    mutating func newDocument() -> DocumentInput {
        serial += 1
        return DocumentInput(
            id: RandomCorpus.id(serial: serial, using: &rng), title: RandomCorpus.title(using: &rng),
            text: RandomCorpus.body(using: &rng))
    }

    /// Checks `queries` random query strings, each with both default operators, against the
    /// last commit of `index`, whose live documents are `model`'s.
    mutating func check(_ index: Index, _ model: Model, label: String, queries: Int) throws {
        let reader = try index.reader()
        let searcher = Searcher(reader: reader)
        let documents = model.ids.map { id in
            ReferenceDocument(id: id, title: model.content[id]!.title, text: model.content[id]!.text, analyzer: analyzer)
        }
        var docIds: [String: UInt32] = [:]
        for id in model.ids {
            let doc: UInt32 = try #require(try reader.docId(forId: id), "\(id) is live but has no doc id")
            docIds[id] = doc
        }
        #expect(Int(reader.statistics.liveDocs) == documents.count, "\(label): live documents")
        let matcher = ReferenceMatcher(analyzer: analyzer)
        var options = SearchOptions()
        options.limit = Int(reader.statistics.nextDocId) + 1  // every document ever added, deleted ones too

        for _ in 0..<queries {
            let text = RandomQueryText.query(using: &rng)
            for op in [DefaultOperator.or, .and] {
                checked += 1
                let node: QueryNode
                let results: SearchResults
                do {
                    node = try QueryParser(QueryParserOptions(defaultOperator: op)).parse(text)
                    options.defaultOperator = op
                    results = try searcher.search(node, options: options)
                } catch {
                    report("\(label): \(text.debugDescription) (\(op)) threw \(error)")
                    continue
                }
                let expectedIds = matcher.matchingIds(node, in: documents)
                let expected = Set(expectedIds.map { docIds[$0]! })
                let actual = Set(results.hits.map(\.doc))
                var problems: [String] = []
                if actual != expected { problems.append("hits differ") }
                if results.total != expected.count { problems.append("total \(results.total), expected \(expected.count)") }
                if results.hits.count != actual.count { problems.append("a document is returned twice") }
                if let bad = results.hits.first(where: { !$0.score.isFinite || $0.score <= 0 }) {
                    problems.append("score \(bad.score) of \(bad.id)")
                }
                if zip(results.hits, results.hits.dropFirst()).contains(where: { $0.score < $1.score }) {
                    problems.append("hits not sorted by descending score")
                }
                if results.hits.map(\.rank) != Array((0..<results.hits.count).map { $0 + 1 }) { problems.append("ranks not 1…n") }
                if checked % 3 == 0 {
                    // A sample again with a small limit, where top-k retrieval may skip documents.
                    var topOptions = options
                    topOptions.limit = MatchSetPropertyTests.smallLimit
                    let top = try searcher.search(node, options: topOptions)
                    if top.total != expected.count { problems.append("with limit \(topOptions.limit): total \(top.total)") }
                    if top.hits.count != min(topOptions.limit, expected.count) || !Set(top.hits.map(\.doc)).isSubset(of: expected) {
                        problems.append("with limit \(topOptions.limit): hits \(top.hits.map(\.doc)) are not \(topOptions.limit) matches")
                    }
                    if zip(top.hits, top.hits.dropFirst()).contains(where: { $0.score < $1.score }) {
                        problems.append("with limit \(topOptions.limit): hits not sorted by descending score")
                    }
                }
                guard !problems.isEmpty else { continue }

                var message = "\(label), seed \(MatchSetPropertyTests.hex(seed)), preset \(preset.rawValue): "
                message += "query \(text.debugDescription) with default operator \(op), parsed as \(node.description.debugDescription): "
                message += problems.joined(separator: "; ")
                for doc in expected.subtracting(actual).sorted() {
                    let id = docIds.first { $0.value == doc }!.key
                    message += "\n  missing (reference matches, engine does not): doc \(doc) "
                    message += documents.first { $0.id == id }!.summary
                }
                for doc in actual.subtracting(expected).sorted() {
                    let record = try reader.document(doc)
                    let deleted = reader.isDeleted(doc) ? " [deleted]" : ""
                    message += "\n  unexpected (engine matches, reference does not): doc \(doc)\(deleted) "
                    if let live = documents.first(where: { docIds[$0.id] == doc }) {
                        message += live.summary
                    } else {
                        message += "id=\((record?.id ?? "?").debugDescription) title=\((record?.title ?? "?").debugDescription)"
                    }
                }
                report(message)
            }
        }
    }

    /// Counts a failure and records it as an issue while fewer than the maximum were.
    mutating func report(_ message: String) {
        failures += 1
        if failures <= MatchSetPropertyTests.maxReportedFailures {
            Issue.record(Comment(rawValue: message))
        }
    }
}
