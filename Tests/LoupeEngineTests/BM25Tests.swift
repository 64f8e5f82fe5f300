import Foundation
import LoupeCodec
import LoupeIndex
import LoupeTestSupport
import Testing
@testable import LoupeEngine

/// Scores checked against BM25 worked out by hand: N = 3, body lengths 3, 2, 4 (avgdl 3),
/// k1 = 1.2, b = 0.75, idf = ln(1 + (N - df + 0.5) / (df + 0.5)).
@Suite struct BM25Tests {
    let dir = TemporaryDirectory("bm25")
    let index: Index

    init() throws {
        index = try makeIndex(dir, [
            ("d0", "", "apple banana apple"),
            ("d1", "", "banana cherry"),
            ("d2", "", "cherry cherry cherry date"),
        ])
    }

    /// BM25 alone over the body: these tests check its formula, so proximity is off.
    var bodyOnly: SearchOptions {
        var options = SearchOptions()
        options.fields = [.body: 1]
        options.proximity = false
        return options
    }

    func scores(_ query: String, _ options: SearchOptions? = nil) throws -> [String: Double] {
        let results = try Searcher(reader: try index.reader()).search(query, options: options ?? bodyOnly)
        return Dictionary(uniqueKeysWithValues: results.hits.map { ($0.id, $0.score) })
    }

    @Test func singleTermMatchesTheFormula() throws {
        let s = try scores("apple")
        // df 1: idf = ln(1 + 2.5 / 1.5); d0: tf 2, dl 3.
        let expected = log(1 + 2.5 / 1.5) * (2 * 2.2) / (2 + 1.2 * (0.25 + 0.75 * 3 / 3))
        #expect(s.count == 1)
        #expect(abs(s["d0"]! - expected) < 1e-9)
    }

    @Test func lengthNormalizationAndSaturation() throws {
        let s = try scores("cherry")
        let idf = log(1 + 1.5 / 2.5)  // df 2
        #expect(abs(s["d2"]! - idf * (3 * 2.2) / (3 + 1.2 * (0.25 + 0.75 * 4 / 3))) < 1e-9)
        #expect(abs(s["d1"]! - idf * (1 * 2.2) / (1 + 1.2 * (0.25 + 0.75 * 2 / 3))) < 1e-9)
    }

    @Test func orSumsTheMatchingTerms() throws {
        let s = try scores("banana cherry")
        let banana = log(1 + 1.5 / 2.5) * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 2 / 3))
        let cherry = log(1 + 1.5 / 2.5) * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 2 / 3))
        #expect(abs(s["d1"]! - (banana + cherry)) < 1e-9)
        #expect(s.count == 3)
    }

    @Test func parametersCanBeChangedPerQuery() throws {
        var options = bodyOnly
        options.bm25 = BM25Parameters(k1: 2.0, b: 0)
        let s = try scores("cherry", options)
        // b = 0: no length normalization.
        #expect(abs(s["d2"]! - log(1.6) * (3 * 3.0) / (3 + 2.0)) < 1e-9)
        options.bm25 = BM25Parameters(k1: 1.2, b: 1.5)
        #expect(throws: SearchError.self) { try scores("cherry", options) }
    }

    /// Lengths from 40 tokens up score with their one-byte norm (`FieldNorm`): 100 tokens decode
    /// to 96, while the average length stays exact; explain shows the decoded length.
    @Test func longFieldsScoreWithTheirOneByteNorm() throws {
        let dir = TemporaryDirectory("bm25")
        let filler = (0..<99).map { "w\($0)" }.joined(separator: " ")
        let index = try makeIndex(dir, [("long", "", "apple " + filler), ("short", "", "banana")])
        let searcher = Searcher(reader: try index.reader())
        let s = Dictionary(uniqueKeysWithValues: try searcher.search("apple", options: bodyOnly).hits.map { ($0.id, $0.score) })
        #expect(FieldNorm.decode(FieldNorm.encode(100)) == 96)
        let idf = log(1 + 1.5 / 1.5), averageLength = 101.0 / 2
        #expect(abs(s["long"]! - idf * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 96 / averageLength))) < 1e-9)
        let explanation = try #require(try searcher.explain("apple", id: "long", options: bodyOnly))
        #expect(explanation.parts.map(\.length) == [96])
        #expect(explanation.parts.map(\.averageLength) == [averageLength])
        #expect(try index.reader().document(0)?.length(.body) == 100)
        // Over title and body (BM25F) the body's factor uses the same decoded length.
        let both = try searcher.search("apple").hits[0].score
        let tf = 1 / (0.25 + 0.75 * 96 / averageLength)
        #expect(abs(both - idf * 2.2 * tf / (1.2 + tf)) < 1e-9)
    }

    @Test func titleAndBodyCombineWithBM25F() throws {
        let dir = TemporaryDirectory("bm25")
        let index = try makeIndex(dir, [("t", "apple", "apple pie"), ("u", "", "banana")])
        let results = try Searcher(reader: try index.reader()).search("apple")
        // N 2, df 1: idf = ln(1 + 1.5 / 1.5). Body: tf 1, dl 2, avgdl 1.5; title (weight 2): tf 1,
        // dl 1, avgdl 0.5. Pseudo-frequency tf~ = 1 / (0.25 + 0.75 * 2 / 1.5) + 2 / (0.25 + 0.75 * 1 / 0.5),
        // saturated once: idf * 2.2 * tf~ / (1.2 + tf~).
        let idf = log(1 + 1.5 / 1.5)
        let tf = 1 / (0.25 + 0.75 * 2 / 1.5) + 2 / (0.25 + 0.75 * 1 / 0.5)
        #expect(abs(results.hits[0].score - idf * 2.2 * tf / (1.2 + tf)) < 1e-9)
        let explanation = try #require(try Searcher(reader: try index.reader()).explain("apple", id: "t"))
        #expect(explanation.parts.count == 2)
        #expect(abs(explanation.parts.reduce(0) { $0 + $1.score } - results.hits[0].score) < 1e-9)
    }
}
