import Foundation
import LoupeTestSupport
import Testing

/// `--expand` (RM3 pseudo-relevance feedback) from the built `loupe`: search, eval and explain.
@Suite struct ExpansionCommandTests {
    /// A JSON-lines collection where three documents on jaguars the cars share words with a
    /// fourth that never says "jaguar"; the rest make those words rare.
    static func makeIndex(_ dir: TemporaryDirectory) throws -> String {
        var lines = [
            #"{"id": "jaguar-1", "title": "", "text": "jaguar engine coupe gearbox engine coupe"}"#,
            #"{"id": "jaguar-2", "title": "", "text": "the jaguar coupe has a new engine and gearbox"}"#,
            #"{"id": "jaguar-3", "title": "", "text": "jaguar sells the coupe with a larger engine"}"#,
            #"{"id": "coupe", "title": "", "text": "a coupe with a quiet engine and a smooth gearbox"}"#,
        ]
        for i in 0..<40 { lines.append(#"{"id": "filler-\#(i)", "title": "", "text": "the weather report \#(i) says rain and sun"}"#) }
        let jsonl = try dir.write("docs.jsonl", lines.joined(separator: "\n") + "\n")
        let index = dir.path + "/index"
        #expect(try LoupeProcess.run(["index", "--jsonl", jsonl, "--index", index]).status == 0)
        return index
    }

    /// The ids of the hit lines of `loupe search`'s human output.
    static func ids(_ output: String) -> [String] {
        output.split(separator: "\n").compactMap { line in
            line.wholeMatch(of: /\s*\d+\s+-?[\d.]+\s+(\S+).*/).map { String($0.1) }
        }
    }

    @Test func searchExpandsOnlyWhenAsked() throws {
        let dir = TemporaryDirectory("expand")
        let index = try Self.makeIndex(dir)
        let plain = try LoupeProcess.run(["search", "jaguar", "--index", index, "--limit", "50"])
        let off = try LoupeProcess.run(["search", "jaguar", "--index", index, "--limit", "50", "--no-expand"])
        #expect(plain.status == 0 && off.status == 0)
        #expect(off.stdout.replacingOccurrences(of: #"\(\d+ µs\)"#, with: "", options: .regularExpression)
            == plain.stdout.replacingOccurrences(of: #"\(\d+ µs\)"#, with: "", options: .regularExpression))
        #expect(!plain.stdout.contains("Expanded") && Set(Self.ids(plain.stdout)) == ["jaguar-1", "jaguar-2", "jaguar-3"])

        let expanded = try LoupeProcess.run(["search", "jaguar", "--index", index, "--limit", "50", "--expand"])
        #expect(expanded.status == 0)
        #expect(expanded.stdout.contains("Expanded from 3 documents: "))
        #expect(Set(Self.ids(expanded.stdout)) == ["jaguar-1", "jaguar-2", "jaguar-3", "coupe"])

        let json = try LoupeProcess.run(["search", "jaguar", "--index", index, "--expand", "--expand-terms", "2", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let expansion = try #require(object["expansion"] as? [String: Any])
        #expect(expansion["feedback_docs"] as? Int == 3)
        let terms = try #require(expansion["terms"] as? [[String: Any]])
        #expect(terms.count <= 3)
        #expect(abs(terms.compactMap { $0["weight"] as? Double }.reduce(0, +) - 1) < 1e-9)
        let unexpanded = try LoupeProcess.run(["search", "jaguar", "--index", index, "--json"])
        #expect(!unexpanded.stdout.contains("\"expansion\""))
    }

    @Test func evalAndExplainTakeExpandToo() throws {
        let dir = TemporaryDirectory("expand")
        let index = try Self.makeIndex(dir)
        let queries = try dir.write("queries.tsv", "1\tjaguar\n")
        let qrels = try dir.write("qrels.txt", "1 0 jaguar-1 1\n1 0 coupe 1\n")
        let plain = try LoupeProcess.run(["eval", "--index", index, "--queries", queries, "--run", dir.path + "/plain.run", "--qrels", qrels])
        let expanded = try LoupeProcess.run([
            "eval", "--index", index, "--queries", queries, "--run", dir.path + "/rm3.run", "--qrels", qrels, "--expand",
        ])
        #expect(plain.status == 0 && expanded.status == 0)
        let run = try String(contentsOfFile: dir.path + "/rm3.run", encoding: .utf8)
        #expect(run.contains(" coupe "))
        #expect(!(try String(contentsOfFile: dir.path + "/plain.run", encoding: .utf8)).contains(" coupe "))
        #expect(plain.stdout.contains("R@100 0.5000") && expanded.stdout.contains("R@100 1.0000"))

        let explained = try LoupeProcess.run(["explain", "jaguar", "coupe", "--index", index, "--expand"])
        #expect(explained.status == 0)
        #expect(explained.stdout.hasPrefix("Expanded from 3 documents: "))
        #expect(explained.stdout.contains("body:engin "))  // the English analyzer's stem
    }

    @Test func badValuesAreRejectedWithTheFlagsName() throws {
        let dir = TemporaryDirectory("expand")
        let index = try Self.makeIndex(dir)
        for (flag, value) in [("--expand-docs", "0"), ("--expand-docs", "1001"), ("--expand-terms", "0"), ("--expand-weight", "1.5"),
                              ("--expand-weight", "-1"), ("--expand-weight", "nan")] {
            let result = try LoupeProcess.run(["search", "jaguar", "--index", index, "--expand", flag, value])
            #expect(result.status != 0 && result.stderr.contains(flag), "\(flag) \(value)")
            #expect(result.stdout.isEmpty)
        }
        let config = try dir.write("bad.toml", "[search]\nexpand_weight = 2\n")
        let result = try LoupeProcess.run(["search", "jaguar", "--index", index, "--config", config])
        #expect(result.status != 0 && result.stderr.contains("search.expand_weight"))
    }
}
