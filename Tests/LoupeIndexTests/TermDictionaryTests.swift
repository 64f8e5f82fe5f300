import LoupeIndex
import LoupeTestSupport
import Testing

/// The in-memory term dictionary: prefix ranges and most-frequent terms against brute force, and
/// one dictionary per commit.
@Suite struct TermDictionaryTests {
    @Test func prefixRangesAndTheMostFrequentTermsAreWhatABruteForceFinds() throws {
        var random = SeededGenerator(seed: 0xD1C7)
        let alphabet: [Character] = ["a", "b", "c", "é"]
        func word(_ length: Int) -> String { String((0..<length).map { _ in alphabet.randomElement(using: &random)! }) }
        let dir = TemporaryDirectory("dictionary")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        let writer = try IndexWriter(index: index)
        var docFreq: [String: Int] = [:]
        for doc in 0..<400 {
            let words = Set((0..<5).map { _ in word(Int.random(in: 1...5, using: &random)) })
            for w in words { docFreq[w, default: 0] += 1 }
            try writer.add(DocumentInput(id: "d\(doc)", title: "", text: words.joined(separator: " ")))
        }
        try writer.commit()
        let dictionary = try index.reader().termDictionary(.body)
        let sorted = docFreq.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect((0..<dictionary.count).map(dictionary.term) == sorted)
        #expect((0..<dictionary.count).map { Int(dictionary.docFreq($0)) } == sorted.map { docFreq[$0]! })
        for prefix in ["", "a", "é", "ab", "cé", "abc", "bbbb", "z"] + (0..<40).map({ _ in word(Int.random(in: 1...3, using: &random)) }) {
            let range = dictionary.range(prefix: prefix)
            #expect(range.map(dictionary.term) == sorted.filter { $0.hasPrefix(prefix) }, "prefix \(prefix)")
            for limit in [1, 3, 10, 1000] {
                let expected = sorted.filter { $0.hasPrefix(prefix) }
                    .sorted { docFreq[$0]! != docFreq[$1]! ? docFreq[$0]! > docFreq[$1]! : $0.utf8.lexicographicallyPrecedes($1.utf8) }
                    .prefix(limit)
                #expect(dictionary.mostFrequent(in: range, limit: limit).map(dictionary.term) == Array(expected), "prefix \(prefix), limit \(limit)")
            }
        }
    }

    @Test func eachCommitHasItsOwnDictionaryAndTermsWithoutLiveDocumentsAreLeftOut() throws {
        let dir = TemporaryDirectory("dictionary-commits")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        let writer = try IndexWriter(index: index)
        try writer.add(DocumentInput(id: "1", title: "Cold", text: "cold war"))
        try writer.add(DocumentInput(id: "2", title: "", text: "warm water"))
        try writer.commit()
        let before = try index.reader()
        #expect(try before.termDictionary(.body) === before.termDictionary(.body))
        #expect(try before.termDictionary(.body) === index.reader().termDictionary(.body), "readers of one commit share it")
        writer.delete(id: "2")
        try writer.add(DocumentInput(id: "3", title: "", text: "wary"))
        try writer.commit()
        let after = try index.reader()
        let terms = try after.termDictionary(.body)
        #expect((0..<terms.count).map(terms.term) == ["cold", "war", "wary"])
        #expect(try (0..<before.termDictionary(.body).count).map(before.termDictionary(.body).term) == ["cold", "war", "warm", "water"])
        #expect(try after.termDictionary(.title).range(prefix: "co").count == 1)
        #expect(try after.fuzzyTerms(.body, near: "warm", maxEdits: 1, limit: 10).map(\.term) == ["war", "wary"])
    }
}
