import Foundation
import LoupeProtocol
import LoupeTestSupport
import Testing

@Suite("loupe against louped", .timeLimit(.minutes(2)))
struct ClientCommandTests {
    /// Runs the built `loupe` (``CLI/loupe(_:environment:)``).
    func loupe(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        try CLI.loupe(arguments, environment: environment)
    }

    /// The output with its timings blanked (``CLI/untimed(_:)``).
    func untimed(_ text: String) -> String { CLI.untimed(text) }

    @Test func searchOverTheDaemonPrintsWhatLocalSearchPrints() async throws {
        let server = try await TestServer()
        let index = server.server.configuration.indexPath
        let address = server.address.description
        let cases: [[String]] = [
            ["war"], ["cold war", "--json"], ["war", "--limit", "1", "--offset", "1", "--no-snippets"],
            ["war moscow", "--and", "--json", "--k1", "0.9", "--b", "0.3"], ["\"cold war\" -peace"], ["nothing-matches", "--json"],
            ["war", "--sort", "-modified", "--metadata", "--json"], ["war type:other", "--metadata"],
            ["size:>10", "--sort", "modified", "--json", "--metadata"], ["war -size:<=50", "--sort", "score"],
        ]
        let outputs = try await blocking { [self] in
            try cases.map { args in
                (args, try loupe(["search"] + args + ["--index", index]), try loupe(["search"] + args + ["--server", address]),
                 try loupe(["search"] + args, environment: ["LOUPE_SERVER": address]))
            }
        }
        for (args, local, remote, fromEnvironment) in outputs {
            #expect(local.status == 0 && remote.status == 0 && fromEnvironment.status == 0, "\(args): \(remote.err)")
            #expect(!local.out.isEmpty)
            #expect(untimed(remote.out) == untimed(local.out), "\(args)")
            #expect(untimed(fromEnvironment.out) == untimed(local.out), "\(args)")
        }
        let strict = try await blocking { [self] in
            (try loupe(["search", "a AND", "--strict", "--index", index]), try loupe(["search", "a AND", "--strict", "--server", address]))
        }
        #expect(strict.0.status != 0 && strict.1.status != 0 && strict.0.err == strict.1.err && !strict.0.err.isEmpty)
        try await server.stop()
    }

    /// `loupe search --expand` sends `expand=1`: the daemon expands with its engine settings and
    /// finds the hits a local expanded search finds; the per-query parameters are refused.
    @Test func expansionOverTheDaemonFindsWhatLocalExpansionFinds() async throws {
        var documents = [
            "jaguar-1.txt": "jaguar engine coupe gearbox engine coupe", "jaguar-2.txt": "the jaguar coupe has a new engine and gearbox",
            "jaguar-3.txt": "jaguar sells the coupe with a larger engine", "coupe.txt": "a coupe with a quiet engine and a smooth gearbox",
        ]
        for i in 0..<40 { documents["filler-\(i).txt"] = "the weather report \(i) says rain and sun" }
        let server = try await TestServer(documents: documents)
        let index = server.server.configuration.indexPath
        let address = server.address.description
        func hits(_ output: String) throws -> [String] {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            return try #require(object["hits"] as? [[String: Any]]).map { "\($0["id"] ?? "") \($0["score"] ?? "")" }
        }
        let (local, remote, plain, refused) = try await blocking { [self] in
            (try loupe(["search", "jaguar", "--expand", "--json", "--index", index]),
             try loupe(["search", "jaguar", "--expand", "--json", "--server", address]),
             try loupe(["search", "jaguar", "--json", "--server", address]),
             try loupe(["search", "jaguar", "--expand", "--expand-docs", "3", "--server", address]))
        }
        #expect(local.status == 0 && remote.status == 0 && plain.status == 0, "\(remote.err)")
        #expect(try hits(remote.out) == hits(local.out))
        #expect(try hits(remote.out).contains { $0.hasPrefix("coupe.txt ") })
        #expect(try !hits(plain.out).contains { $0.hasPrefix("coupe.txt ") })
        #expect(refused.status != 0 && refused.err.contains("--expand-docs"))
        try await server.stop()
    }

    /// `loupe bench` in-process and over the daemon answer the same queries with the same hits;
    /// `--as-search` (with or without `--snippets`) runs in-process what SEARCH runs and finds the
    /// same; `--snippets` is refused without `--server` or `--as-search`.
    @Test func benchOverTheDaemonFindsWhatLocalBenchFinds() async throws {
        let server = try await TestServer()
        let index = server.server.configuration.indexPath
        let address = server.address.description
        let dir = TemporaryDirectory("bench")
        let queries = try dir.write("term.txt", "war\ncold\nnothing-matches\n")
        let common = ["bench", "--queries", queries, "--kind", "term", "--warmup", "0", "--rounds", "2", "--json"]
        let (local, remote, withSnippets, refused, countWithSnippets) = try await blocking { [self] in
            (try loupe(common + ["--index", index]), try loupe(common + ["--server", address]),
             try loupe(common + ["--server", address, "--snippets"]), try loupe(common + ["--index", index, "--snippets"]),
             try loupe(common + ["--server", address, "--snippets", "--mode", "count"]))
        }
        let (asSearch, asSearchSnippets, asSearchCount) = try await blocking { [self] in
            (try loupe(common + ["--index", index, "--as-search"]), try loupe(common + ["--index", index, "--as-search", "--snippets"]),
             try loupe(common + ["--index", index, "--as-search", "--mode", "count"]))
        }
        func object(_ run: (status: Int32, out: String, err: String)) throws -> [String: Any] {
            #expect(run.status == 0, "\(run.err)")
            return try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        }
        let localJSON = try object(local), remoteJSON = try object(remote), snippetJSON = try object(withSnippets)
        #expect(localJSON["n"] as? Int == 6 && remoteJSON["n"] as? Int == 6 && snippetJSON["n"] as? Int == 6)
        #expect(remoteJSON["snippets"] as? Bool == false && snippetJSON["snippets"] as? Bool == true)
        let hits = { (json: [String: Any]) in (json["queries"] as? [[String: Any]])?.map { "\($0["q"]!) \($0["total"]!) \($0["top10"]!)" } }
        #expect(hits(localJSON) != nil && hits(localJSON) == hits(remoteJSON) && hits(remoteJSON) == hits(snippetJSON))
        let asSearchJSON = try object(asSearch), asSearchSnippetsJSON = try object(asSearchSnippets)
        #expect(asSearchJSON["n"] as? Int == 6 && asSearchJSON["mode"] as? String == "as-search")
        #expect(asSearchSnippetsJSON["mode"] as? String == "as-search with snippets")
        #expect(hits(asSearchJSON) == hits(remoteJSON) && hits(asSearchSnippetsJSON) == hits(remoteJSON))
        #expect(asSearchCount.status != 0 && asSearchCount.err.contains("--as-search applies to --mode top10"))
        #expect(refused.status != 0 && refused.err.contains("--snippets needs --server or --as-search"))
        #expect(countWithSnippets.status != 0 && countWithSnippets.err.contains("--snippets applies to --mode top10"))
        try await server.stop()
    }

    /// `--connections N` (the throughput mode) spreads the timed queries over N connections at
    /// once and finds the same hits; fewer than one connection is refused.
    @Test func benchOverSeveralConnectionsFindsTheSameAndCountsThemAll() async throws {
        let server = try await TestServer()
        let address = server.address.description
        let dir = TemporaryDirectory("bench")
        let queries = try dir.write("term.txt", "war\ncold\nnothing-matches\n")
        let common = ["bench", "--queries", queries, "--kind", "term", "--warmup", "1", "--rounds", "4", "--json", "--server", address]
        let (one, eight, none) = try await blocking { [self] in
            (try loupe(common), try loupe(common + ["--connections", "8"]), try loupe(common + ["--connections", "0"]))
        }
        func object(_ run: (status: Int32, out: String, err: String)) throws -> [String: Any] {
            #expect(run.status == 0, "\(run.err)")
            return try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        }
        let oneJSON = try object(one), eightJSON = try object(eight)
        #expect(oneJSON["connections"] as? Int == 1 && eightJSON["connections"] as? Int == 8)
        #expect(eightJSON["n"] as? Int == 12 && ((eightJSON["qps"] as? Double) ?? 0) > 0)
        let hits = { (json: [String: Any]) in (json["queries"] as? [[String: Any]])?.map { "\($0["q"]!) \($0["total"]!) \($0["top10"]!)" } }
        #expect(hits(oneJSON) != nil && hits(oneJSON) == hits(eightJSON))
        #expect(none.status != 0 && none.err.contains("--connections must be at least 1"))
        try await server.stop()
    }

    @Test func pingInfoAndClearFailures() async throws {
        let server = try await TestServer(token: "t0ken")
        let address = server.address.description
        let (ping, info, noToken, badToken) = try await blocking { [self] in
            (try loupe(["ping", "--server", address], environment: ["LOUPE_TOKEN": "t0ken"]),
             try loupe(["info", "--server", address, "--json"], environment: ["LOUPE_TOKEN": "t0ken"]),
             try loupe(["info", "--server", address]),
             try loupe(["search", "war", "--server", address], environment: ["LOUPE_TOKEN": "wrong"]))
        }
        #expect(ping.status == 0 && ping.out.hasPrefix("PONG from \(address) in "))
        #expect(info.status == 0 && info.out.contains(#""docs":"4""#))
        #expect(noToken.status != 0 && noToken.err == "Error: louped wants a token: set LOUPE_TOKEN\n")
        #expect(badToken.status != 0 && badToken.err == "Error: louped: authentication failed: AUTH_FAILED wrong token\n")
        try await server.stop()
        let down = try await blocking { [self] in try loupe(["search", "war", "--server", address]) }
        #expect(down.status != 0 && down.err.hasPrefix("Error: cannot reach louped at \(address): ") && down.err.split(separator: "\n").count == 1)
    }
}
