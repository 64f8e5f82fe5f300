import Foundation
import LoupeTestSupport
import Testing

/// "Did you mean" and fuzzy words through the built `loupe` binary.
@Suite struct SuggestionCommandTests {
    @Test func aQueryWithAnUnknownWordThatFindsNothingGetsASuggestionSpeltAsTheDocumentsSpellIt() throws {
        let dir = TemporaryDirectory("suggest")
        let file = try dir.write("docs.jsonl", """
            {"id": "1", "title": "Compilers", "text": "An optimizing compiler for Algol. The compiler is fast."}
            {"id": "2", "title": "Loops", "text": "Loop optimization in a compiler."}
            {"id": "3", "title": "Compile times", "text": "How long a compile takes."}

            """)
        let index = dir.path + "/index"
        #expect(try LoupeProcess.run(["index", "--jsonl", file, "--index", index]).status == 0)

        let human = try LoupeProcess.run(["search", "compilr loop", "--and", "--index", index])
        #expect(human.status == 0)
        #expect(human.stdout.contains("0 matching documents"))
        #expect(human.stdout.contains("Did you mean: compiler loop?"), "\(human.stdout)")

        let json = try LoupeProcess.run(["search", "compilr loop", "--and", "--json", "--index", index])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["suggestion"] as? String == "compiler loop")

        // A query that finds enough, or whose words are all known, gets none.
        let known = try LoupeProcess.run(["search", "compiler", "--json", "--index", index])
        #expect(!known.stdout.contains("suggestion"))

        // The fuzzy word finds what the suggestion would.
        let fuzzy = try LoupeProcess.run(["search", "compilr~ loop", "--and", "--json", "--index", index])
        let fuzzyObject = try #require(try JSONSerialization.jsonObject(with: Data(fuzzy.stdout.utf8)) as? [String: Any])
        #expect(fuzzyObject["total"] as? Int == 1)
    }
}
