import Foundation
import LoupeTestSupport
import Testing

/// Drives the built `loupe` binary the way a user does.
@Suite struct CommandLineTests {
    @Test func indexesTheSeedsAndFindsTheSeedDocument() throws {
        let dir = TemporaryDirectory("cli")
        let index = dir.path + "/index"
        let indexed = try LoupeProcess.run(["index", repositoryRoot + "/seeds", "--index", index])
        #expect(indexed.status == 0)
        #expect(indexed.stdout.contains("added 1,"))

        let human = try LoupeProcess.run(["search", "cold war", "--index", index])
        #expect(human.status == 0)
        #expect(human.stdout.contains("000_d81bf0a44b9c720b.txt"))
        #expect(human.stdout.contains("Pak-Russia"))

        let json = try LoupeProcess.run(["search", "pakistan russia ties", "--index", index, "--json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["total"] as? Int == 1)
        #expect(object["took_us"] is Int)
        let hits = try #require(object["hits"] as? [[String: Any]])
        #expect(hits.first?["id"] as? String == "000_d81bf0a44b9c720b.txt")
        #expect(hits.first?["rank"] as? Int == 1)
        #expect((hits.first?["score"] as? Double ?? 0) > 0)
        #expect(json.stdout.hasPrefix("{\"total\":"))
    }

    @Test func theIndexDirectoryComesFromTheEnvironment() throws {
        let dir = TemporaryDirectory("cli")
        let env = ["LOUPE_INDEX": dir.path + "/env-index"]
        #expect(try LoupeProcess.run(["index", repositoryRoot + "/seeds"], environment: env).status == 0)
        #expect(try LoupeProcess.run(["search", "pakistan"], environment: env).stdout.contains("000_d81bf0a44b9c720b.txt"))
    }

    @Test func jsonLinesWithABadLineReportsItAndIndexesTheRest() throws {
        let dir = TemporaryDirectory("cli")
        let file = try dir.write("docs.jsonl", "{\"id\": \"a\", \"text\": \"alpha\"}\n{\"id\": \"b\", \"text\": \n{\"id\": \"c\", \"text\": \"gamma\"}\n")
        let run = try LoupeProcess.run(["index", "--jsonl", file, "--index", dir.path + "/index", "--analyzer", "simple"])
        #expect(run.status == 0)
        #expect(run.stderr.contains(":2"))
        #expect(run.stdout.contains("added 2,"))
        #expect(try LoupeProcess.run(["search", "gamma", "--index", dir.path + "/index"]).stdout.contains(" c"))
    }

    @Test func errorsAreOneLineAndNonZero() throws {
        let dir = TemporaryDirectory("cli")
        let missing = try LoupeProcess.run(["search", "x", "--index", dir.path + "/none"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no Loupe index"))
        #expect(try LoupeProcess.run(["search", "x", "--limit", "-1", "--index", dir.path]).status != 0)
        #expect(try LoupeProcess.run(["index", dir.path + "/does-not-exist", "--index", dir.path + "/i"]).status != 0)
        _ = try LoupeProcess.run(["index", repositoryRoot + "/seeds", "--index", dir.path + "/i"])
        let strict = try LoupeProcess.run(["search", "\"unbalanced", "--strict", "--index", dir.path + "/i"])
        #expect(strict.status != 0 && strict.stderr.contains("column"))
        let lenient = try LoupeProcess.run(["search", "\"unbalanced", "--index", dir.path + "/i"])
        #expect(lenient.status == 0)
    }
}
