import LoupeIndex
import LoupeTestSupport
import Testing

/// `IndexReader.fuzzyTerms` against a brute-force Damerau–Levenshtein over every term.
@Suite struct FuzzyTermsTests {
    @Test func theWalkFindsExactlyTheTermsABruteForceFinds() throws {
        var random = SeededGenerator(seed: 0xF022)
        // A small alphabet, with a non-ASCII letter, so that near terms abound.
        let alphabet: [Character] = ["a", "b", "c", "d", "é"]
        func word(_ length: Int) -> String { String((0..<length).map { _ in alphabet.randomElement(using: &random)! }) }
        let dir = TemporaryDirectory("fuzzy")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        let writer = try IndexWriter(index: index)
        var vocabulary = Set<String>()
        for doc in 0..<300 {
            let words = (0..<4).map { _ in word(Int.random(in: 1...7, using: &random)) }
            vocabulary.formUnion(words)
            try writer.add(DocumentInput(id: "d\(doc)", title: "", text: words.joined(separator: " ")))
        }
        try writer.commit()
        let reader = try index.reader()
        for _ in 0..<80 {
            let query = word(Int.random(in: 1...8, using: &random))
            for maxEdits in 0...2 {
                let expected = vocabulary.filter {
                    EditDistance.optimalStringAlignment(Array(query.unicodeScalars), Array($0.unicodeScalars)) <= maxEdits
                }
                let found = try reader.fuzzyTerms(.body, near: query, maxEdits: maxEdits, limit: .max)
                #expect(Set(found.map(\.term)) == expected, "query \(query), \(maxEdits) edits")
                for term in found {
                    #expect(term.edits == EditDistance.optimalStringAlignment(Array(query.unicodeScalars), Array(term.term.unicodeScalars)))
                }
                #expect(found.map(\.edits) == found.map(\.edits).sorted(), "closest first")
            }
        }
    }

    @Test func transpositionsCountAsOneEditAndTheLimitKeepsTheClosestAndMostFrequent() throws {
        let dir = TemporaryDirectory("fuzzy-rank")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        let writer = try IndexWriter(index: index)
        try writer.add(DocumentInput(id: "1", title: "", text: "compiler compiler"))
        try writer.add(DocumentInput(id: "2", title: "", text: "compiler compilers"))
        try writer.add(DocumentInput(id: "3", title: "", text: "cmopiler compile"))
        try writer.commit()
        let reader = try index.reader()
        let near = try reader.fuzzyTerms(.body, near: "compiler", maxEdits: 1, limit: 10)
        #expect(near.map(\.term) == ["compiler", "cmopiler", "compile", "compilers"])
        #expect(near.map(\.edits) == [0, 1, 1, 1])
        let best = try reader.fuzzyTerms(.body, near: "compilr", maxEdits: 2, limit: 2)
        #expect(best.map(\.term) == ["compiler", "compile"], "one edit before two, then by document frequency")
        #expect(try reader.fuzzyTerms(.title, near: "compiler", maxEdits: 2, limit: 10).isEmpty)
    }
}
