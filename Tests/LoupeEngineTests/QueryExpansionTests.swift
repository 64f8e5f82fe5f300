@testable import LoupeEngine
import LoupeIndex
import LoupeQuery
import LoupeTestSupport
import Testing

/// RM3 pseudo-relevance feedback behind ``SearchOptions/expansion``.
@Suite struct QueryExpansionTests {
    let dir = TemporaryDirectory("expansion")
    let index: Index

    init() throws {
        // Three documents on jaguars the cars, one on the same subject without the word
        // "jaguar", and enough unrelated ones that the cars' words are rare (RM3 drops words found
        // in more than a tenth of the documents).
        var docs: [(String, String, String)] = [
            ("jaguar-1", "", "jaguar engine coupe gearbox engine coupe"),
            ("jaguar-2", "", "the jaguar coupe has a new engine and gearbox"),
            ("jaguar-3", "", "jaguar sells the coupe with a larger engine"),
            ("coupe", "", "a coupe with a quiet engine and a smooth gearbox"),
            ("cat", "", "the jaguar is a large cat of the americas"),
        ]
        for i in 0..<40 { docs.append(("filler-\(i)", "", "the weather report number \(i) says rain \(i) and sun")) }
        index = try makeIndex(dir, docs)
    }

    private func expanding(_ parameters: ExpansionParameters = ExpansionParameters()) -> SearchOptions {
        var options = SearchOptions()
        options.expansion = parameters
        options.limit = 100
        return options
    }

    @Test func aDocumentWithoutTheQueryWordIsFoundThroughItsFeedbackTerms() throws {
        let searcher = Searcher(reader: try index.reader())
        var plain = SearchOptions()
        plain.limit = 100
        #expect(!(try searcher.search("jaguar", options: plain).hits.map(\.id).contains("coupe")))
        let expanded = try searcher.search("jaguar", options: expanding())
        #expect(expanded.hits.map(\.id).contains("coupe"))
        #expect(try searcher.count(try searcher.parse("jaguar", options: plain), options: expanding()) == expanded.total)
        #expect(try searcher.count(try searcher.parse("jaguar", options: plain), options: plain) == 4)
        let terms = try #require(expanded.expansion).terms.map(\.term)
        #expect(terms.contains("jaguar") && terms.contains("coupe") && terms.contains("engine"))
        // "the" is in every document, "a" in most: over a tenth of them, so never feedback terms.
        #expect(!terms.contains("the") && !terms.contains("a"))
    }

    @Test func weightsOfPlainWordsSumToOneAndInterpolateTheQuery() throws {
        let searcher = Searcher(reader: try index.reader())
        for alpha in [0.0, 0.3, 0.5, 1.0] {
            let expansion = try #require(try searcher.search("jaguar coupe", options: expanding(.init(originalQueryWeight: alpha))).expansion)
            #expect(expansion.originalQueryBoost == nil)
            #expect(abs(expansion.terms.reduce(0) { $0 + $1.weight } - 1) < 1e-9)
            #expect(expansion.terms.allSatisfy { $0.weight > 0 })
            if alpha == 1 { #expect(expansion.terms.map(\.term).sorted() == ["coupe", "jaguar"]) }
            if alpha == 1 { #expect(expansion.terms.allSatisfy { abs($0.weight - 0.5) < 1e-12 }) }
            #expect(expansion.terms == expansion.terms.sorted { $0.weight > $1.weight || ($0.weight == $1.weight && $0.term < $1.term) })
        }
        // fbTerms bounds the model, not the query's own words.
        let few = try #require(try searcher.search("jaguar coupe", options: expanding(.init(feedbackTerms: 1))).expansion)
        #expect(few.terms.count <= 3)
    }

    @Test func aStructuredQueryKeepsWhatItMatchesAndItsWeightsStillSumToOne() throws {
        let searcher = Searcher(reader: try index.reader())
        var plainOptions = SearchOptions()
        plainOptions.limit = 100
        for query in ["+jaguar +coupe", "\"jaguar coupe\"", "jaguar -cat", "title:jaguar OR jaguar"] {
            let plain = try searcher.search(query, options: plainOptions)
            let expanded = try searcher.search(query, options: expanding())
            #expect(Set(expanded.hits.map(\.id)) == Set(plain.hits.map(\.id)), "\(query)")
            #expect(expanded.total == plain.total, "\(query)")
            let expansion = try #require(expanded.expansion)
            let boost = try #require(expansion.originalQueryBoost)
            let weight = try searcher.weight(try searcher.parse(query, options: plainOptions), options: plainOptions)
            let n = Double(weight.highlights.terms.count + weight.highlights.phrases.count)
            #expect(abs(boost * n + expansion.terms.reduce(0) { $0 + $1.weight } - 1) < 1e-9, "\(query)")
        }
    }

    @Test func theExpansionIsDeterministic() throws {
        let first = try Searcher(reader: try index.reader()).search("jaguar engine", options: expanding())
        for _ in 0..<3 {
            let again = try Searcher(reader: try index.reader()).search("jaguar engine", options: expanding())
            #expect(again.expansion == first.expansion)
            #expect(again.hits == first.hits)
        }
    }

    @Test func aQueryThatMatchesNothingIsLeftAsItIs() throws {
        let searcher = Searcher(reader: try index.reader())
        let results = try searcher.search("zeppelin", options: expanding())
        #expect(results.total == 0 && results.hits.isEmpty)
        #expect(results.expansion == QueryExpansion(terms: [], originalQueryBoost: nil, feedbackDocuments: 0))
    }

    @Test func offIsTheQueryAsWritten() throws {
        let searcher = Searcher(reader: try index.reader())
        var options = SearchOptions()
        options.limit = 100
        let off = try searcher.search("jaguar coupe", options: options)
        #expect(off.expansion == nil)
        // Expansion with the original query's whole weight ranks as the query alone does (its
        // scores are scaled by 1/2, the share of each of its two words).
        let whole = try searcher.search("jaguar coupe", options: expanding(.init(originalQueryWeight: 1)))
        #expect(whole.hits.map(\.id) == off.hits.map(\.id))
        #expect(zip(whole.hits, off.hits).allSatisfy { abs($0.score * 2 - $1.score) < 1e-9 })
    }

    @Test func explainShowsTheExpansionTermsAndAddsUpToTheSearchScore() throws {
        let searcher = Searcher(reader: try index.reader())
        let options = expanding()
        let hits = try searcher.search("jaguar", options: options).hits
        let expansion = try #require(try searcher.expansion(of: "jaguar", options: options))
        #expect(expansion == (try searcher.search("jaguar", options: options).expansion))
        for hit in hits {
            let explained = try #require(try searcher.explain("jaguar", id: hit.id, options: options))
            #expect(abs(explained.score - hit.score) < 1e-9)
            let weights = Dictionary(uniqueKeysWithValues: expansion.terms.map { ($0.term, $0.weight) })
            for part in explained.parts {
                let weight = try #require(weights[part.description])
                #expect(abs(part.boost - weight * (part.field == "title" ? 2 : 1)) < 1e-12)
            }
        }
        #expect(try searcher.expansion(of: "jaguar", options: SearchOptions()) == nil)
    }

    @Test func badParametersAreRejected() throws {
        let searcher = Searcher(reader: try index.reader())
        for bad in [
            ExpansionParameters(feedbackDocs: 0), ExpansionParameters(feedbackDocs: 1001), ExpansionParameters(feedbackTerms: 0),
            ExpansionParameters(originalQueryWeight: -0.1), ExpansionParameters(originalQueryWeight: 1.5),
            ExpansionParameters(originalQueryWeight: .nan),
        ] {
            #expect(throws: SearchError.self) { try bad.validated() }
            var options = SearchOptions()
            options.expansion = bad
            #expect(throws: SearchError.self) { try searcher.search("jaguar", options: options) }
            #expect(throws: SearchError.self) { try searcher.explain("jaguar", id: "cat", options: options) }
        }
        #expect(try ExpansionParameters(feedbackDocs: 1000, feedbackTerms: 1, originalQueryWeight: 0).validated().feedbackDocs == 1000)
    }
}
