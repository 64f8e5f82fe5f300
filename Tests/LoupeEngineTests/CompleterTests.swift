import LoupeEngine
import LoupeIndex
import LoupeTestSupport
import Testing

/// Search as you type: completions of the last word, by frequency and by the words before it.
@Suite struct CompleterTests {
    /// "water" is the most frequent w-word, but only "war" and "warm" occur with "cold".
    static let docs: [(String, String, String)] = [
        ("1", "Cold war", "the cold war"), ("2", "", "cold war history"), ("3", "", "a cold warm front"),
        ("4", "", "water water"), ("5", "", "water and wine"), ("6", "", "water tower"), ("7", "", "water mill"),
        ("8", "", "war and peace"), ("9", "Whales", "whales"),
    ]
    let fields: [IndexField] = [.body, .title]

    @Test func aWordAloneCompletesToTheMostFrequentWordsWithThePrefix() throws {
        let dir = TemporaryDirectory("complete")
        let completer = Completer(reader: try makeIndex(dir, Self.docs).reader())
        let found = try completer.complete("w", limit: 10, fields: fields)
        #expect(found.map(\.word) == ["water", "war", "warm", "whales", "wine"])
        #expect(found.map(\.docFreq) == [4, 3, 1, 1, 1], "ties in byte order")
        #expect(found.allSatisfy { $0.together == nil && $0.text == $0.word })
        #expect(try completer.complete("W", limit: 2, fields: fields).map(\.text) == ["water", "war"], "case folded, limited")
        #expect(try completer.complete("wa", limit: 10, fields: [.title]).map(\.word) == ["war"])
        #expect(try completer.complete("xyz", limit: 10, fields: fields).isEmpty)
    }

    @Test func theWordsBeforeRankAndRestrictTheCompletions() throws {
        let dir = TemporaryDirectory("complete-context")
        let completer = Completer(reader: try makeIndex(dir, Self.docs).reader())
        let found = try completer.complete("Cold w", limit: 10, fields: fields)
        #expect(found.map(\.text) == ["Cold war", "Cold warm"])
        #expect(found.map(\.together) == [2, 1])
        #expect(found.map(\.docFreq) == [3, 1])
        // A preceding word no document holds is left out of the context.
        #expect(try completer.complete("cold zzzz wa", limit: 10, fields: fields).map(\.word) == ["war", "warm"])
        #expect(try completer.complete("zzzz wa", limit: 10, fields: fields).map(\.word) == ["water", "war", "warm"])
        // Punctuation separates words as the analyzer does.
        #expect(try completer.complete("cold-wa", limit: 10, fields: fields).map(\.text) == ["cold-war", "cold-warm"])
        // Nothing with the prefix occurs beside these words.
        #expect(try completer.complete("tower wi", limit: 10, fields: fields).isEmpty)
    }

    /// "alpha" and "beta" take turns in the first documents and meet only in the last 100, after
    /// the context walk's bound (``Completer/contextProposals`` proposals, two documents each):
    /// the walk stops there, and the completions rank by frequency alone, where without the
    /// bound only "zebra" would remain.
    @Test func theContextWalkIsBounded() throws {
        let dir = TemporaryDirectory("complete-bounded")
        let apart = 2 * Completer.contextProposals + 200
        var docs: [(String, String, String)] = []
        for i in 0..<apart { docs.append(("d\(i)", "", i % 2 == 0 ? "alpha zeal" : "beta zero zeal")) }
        for i in 0..<100 { docs.append(("e\(i)", "", "alpha beta zebra")) }
        let completer = Completer(reader: try makeIndex(dir, docs).reader())
        let found = try completer.complete("alpha beta ze", limit: 3, fields: fields)
        #expect(found.map(\.word) == ["zeal", "zero", "zebra"])
        #expect(found.allSatisfy { $0.together == nil })
        let near = try completer.complete("beta ze", limit: 3, fields: fields)
        #expect(near.map(\.word) == ["zeal", "zero"])
        #expect(near.map(\.together) == [Completer.contextSample, Completer.contextSample])
    }

    @Test func deletedDocumentsCountForNothing() throws {
        let dir = TemporaryDirectory("complete-deleted")
        let index = try makeIndex(dir, Self.docs)
        let writer = try IndexWriter(index: index)
        writer.delete(id: "1")
        writer.delete(id: "2")
        try writer.commit()
        let completer = Completer(reader: try index.reader())
        let found = try completer.complete("cold w", limit: 10, fields: fields)
        #expect(found.map(\.word) == ["warm"])
        #expect(try completer.complete("w", limit: 2, fields: fields).map(\.docFreq) == [4, 1])
    }

    @Test func badInputIsAClearError() throws {
        let dir = TemporaryDirectory("complete-errors")
        let completer = Completer(reader: try makeIndex(dir, Self.docs).reader())
        for (input, limit, message) in [
            ("", 10, "nothing to complete"), ("cold ", 10, "nothing to complete"), ("cold -", 10, "nothing to complete"),
            (String(repeating: "w", count: Completer.maxInputBytes + 1), 10, "bytes long"),
            ("w", 0, "limit must be between 1 and 100"), ("w", Completer.maxLimit + 1, "limit must be between"),
        ] {
            #expect {
                _ = try completer.complete(input, limit: limit, fields: fields)
            } throws: { error in
                guard case SearchError.invalidOption(let text) = error else { return false }
                return text.contains(message)
            }
        }
        #expect(try completer.complete(String(repeating: "w", count: Completer.maxInputBytes), limit: 1, fields: fields).isEmpty)
    }

    @Test func underTheEnglishAnalyzerCompletionsAreWordsAsTheDocumentsSpellThem() throws {
        let dir = TemporaryDirectory("complete-english")
        let completer = Completer(reader: try makeIndex(dir, [
            ("1", "", "Computers and computer science"), ("2", "", "a computer and its computing"), ("3", "", "the computer room"),
            ("4", "", "compile it"),
        ], analyzer: .english).reader())
        // The stem `comput` is in three documents; its first two spell it "computer" twice,
        // "computers" and "computing" once each. The stem `compil` is spelt "compile".
        let found = try completer.complete("comp", limit: 10, fields: [.body])
        #expect(found.map(\.word) == ["computer", "compile"])
        #expect(found.map(\.docFreq) == [3, 1])
        // "the" is a stop word: no context; the text keeps what was typed before the word.
        #expect(try completer.complete("The Comp", limit: 1, fields: [.body]).map(\.text) == ["The computer"])
    }
}
