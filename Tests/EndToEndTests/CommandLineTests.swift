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

    @Test func filtersSortAndMetadataFromTheCommandLine() throws {
        let dir = TemporaryDirectory("cli")
        let dates = ["old.txt": "2001-06-01T00:00:00Z", "mid.txt": "2015-03-01T12:00:00Z", "new.txt": "2025-02-01T00:00:00Z"]
        for (name, date) in dates {
            let path = try dir.write("docs/" + name, "harbour notes \(name) " + String(repeating: "x", count: name == "new.txt" ? 2000 : 10))
            try FileManager.default.setAttributes([.modificationDate: try Date(date, strategy: .iso8601)], ofItemAtPath: path)
        }
        let index = dir.path + "/index"
        #expect(try LoupeProcess.run(["index", dir.path + "/docs", "--index", index]).status == 0)
        func ids(_ arguments: [String]) throws -> [String] {
            let run = try LoupeProcess.run(["search"] + arguments + ["--index", index, "--json"])
            #expect(run.status == 0, "\(run.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            return try #require(object["hits"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        }
        #expect(try ids(["modified:<2002-01-01"]) == ["old.txt"])
        #expect(try ids(["harbour modified:[2015-01-01 TO 2025-01-31]"]) == ["mid.txt"])
        #expect(try Set(ids(["harbour -modified:2015"])) == ["old.txt", "new.txt"])
        #expect(try ids(["size:>1KB"]) == ["new.txt"])
        #expect(try ids(["harbour", "--sort", "-modified"]) == ["new.txt", "mid.txt", "old.txt"])
        #expect(try ids(["harbour", "--sort", "modified"]) == ["old.txt", "mid.txt", "new.txt"])
        #expect(try ids(["harbour", "--sort", "modified", "--limit", "1", "--offset", "1"]) == ["mid.txt"])

        let json = try LoupeProcess.run(["search", "size:>1KB", "--metadata", "--json", "--index", index])
        let hit = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["hits"] as? [[String: Any]]).first
        #expect(hit?["modified"] as? Int == 1_738_368_000)
        #expect(hit?["size"] as? Int == 2000 + "harbour notes new.txt ".utf8.count)
        #expect(hit?["type"] is String && hit?["ext"] is String && hit?["fields"] is [String: Any])
        #expect(hit?["score"] as? Double == 0)
        let human = try LoupeProcess.run(["search", "size:>1KB", "--metadata", "--index", index])
        #expect(human.stdout.contains("2025-02-01T00:00:00Z"))

        let bad = try LoupeProcess.run(["search", "modified:>=2025-02-30", "--strict", "--index", index])
        #expect(bad.status != 0 && bad.stderr.contains("invalid filter 'modified:>=2025-02-30'"))
        let badSort = try LoupeProcess.run(["search", "harbour", "--sort", "size", "--index", index])
        #expect(badSort.status != 0)

        // bench --filter requires the filter of every query.
        let queries = try dir.write("queries.txt", "harbour\nnotes\n")
        let bench = try LoupeProcess.run(["bench", "--index", index, "--queries", queries, "--kind", "term", "--rounds", "1", "--filter", "size:>1KB", "--json"])
        let totals = try #require((try JSONSerialization.jsonObject(with: Data(bench.stdout.utf8)) as? [String: Any])?["queries"] as? [[String: Any]])
        #expect(totals.compactMap { $0["total"] as? Int } == [1, 1])
        for bad in ["harbour", "size:>1XB"] {
            let refused = try LoupeProcess.run(["bench", "--index", index, "--queries", queries, "--kind", "term", "--filter", bad])
            #expect(refused.status != 0 && refused.stderr.contains("--filter"), "\(bad)")
        }
    }

    @Test func theIndexDirectoryComesFromTheEnvironment() throws {
        let dir = TemporaryDirectory("cli")
        let env = ["LOUPE_INDEX": dir.path + "/env-index"]
        #expect(try LoupeProcess.run(["index", repositoryRoot + "/seeds"], environment: env).status == 0)
        #expect(try LoupeProcess.run(["search", "pakistan"], environment: env).stdout.contains("000_d81bf0a44b9c720b.txt"))
    }

    @Test func eachOptionComesFromTheFlagThenTheEnvironmentThenTheFile() throws {
        let dir = TemporaryDirectory("cli")
        let index = dir.path + "/index"
        let docs = try dir.write("docs.jsonl", (1...12).map { "{\"id\": \($0), \"text\": \"alpha \($0)\"}\n" }.joined())
        #expect(try LoupeProcess.run(["index", "--jsonl", docs, "--index", index]).status == 0)
        let config = try dir.write("loupe.toml", "[search]\nlimit = 3\n")
        func hits(_ arguments: [String], _ environment: [String: String]) throws -> Int {
            let run = try LoupeProcess.run(["search", "alpha", "--index", index, "--json"] + arguments, environment: environment)
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            return (object?["hits"] as? [Any])?.count ?? -1
        }
        #expect(try hits([], [:]) == 10)
        #expect(try hits(["--config", config], [:]) == 3)
        #expect(try hits([], ["LOUPE_CONFIG": config]) == 3)
        #expect(try hits(["--config", config], ["LOUPE_SEARCH_LIMIT": "2"]) == 2)
        #expect(try hits(["--config", config, "--limit", "1"], ["LOUPE_SEARCH_LIMIT": "2"]) == 1)
    }

    @Test func aBadConfigurationIsOneLineNamingTheFileLineAndOption() throws {
        let dir = TemporaryDirectory("cli")
        let config = try dir.write("loupe.toml", "[search]\nlimit = 3\nlimt = 4\n")
        let typo = try LoupeProcess.run(["search", "x", "--index", dir.path, "--config", config])
        #expect(typo.status != 0)
        #expect(typo.stderr.hasSuffix("configuration: \(config):3: unknown option `search.limt` (did you mean `search.limit`?)\n"), "\(typo.stderr)")
        let variable = try LoupeProcess.run(["search", "x", "--index", dir.path], environment: ["LOUPE_SEARCH_B": "2"])
        #expect(variable.status != 0)
        #expect(variable.stderr.hasSuffix("configuration: $LOUPE_SEARCH_B: `search.b` must be a number in 0.0...1.0, got 2.0\n"), "\(variable.stderr)")
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
