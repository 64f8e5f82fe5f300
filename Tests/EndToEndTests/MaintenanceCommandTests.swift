import Foundation
import LoupeTestSupport
import Testing

/// `loupe stats`, `loupe check` and `loupe compact` on an index that took updates, and the
/// automatic compaction of `index.compact_deleted_ratio`.
@Suite struct MaintenanceCommandTests {
    /// Writes `count` files `docs/fNN.txt`, each with `word` in it.
    func writeFiles(_ dir: TemporaryDirectory, _ range: Range<Int>, _ word: String) throws {
        for i in range { _ = try dir.write("docs/f\(i < 10 ? "0" : "")\(i).txt", "File \(i)\n\(word) text number \(i)") }
    }

    /// The value printed after `label` on its own line of `loupe stats`.
    func line(_ stats: String, _ label: String) -> String? {
        stats.split(separator: "\n").first { $0.hasPrefix(label) }.map { String($0.dropFirst(label.count)).trimmingCharacters(in: .whitespaces) }
    }

    @Test func statsCheckAndCompactFollowUpdates() throws {
        let dir = TemporaryDirectory("maintenance")
        let index = dir.path + "/index"
        let config = try dir.write("loupe.toml", "[index]\ncompact_deleted_ratio = 0.25\n")
        let env = ["LOUPE_CONFIG": config]
        try writeFiles(dir, 0..<20, "original")
        #expect(try LoupeProcess.run(["index", dir.path + "/docs", "--index", index], environment: env).status == 0)
        // 4 of 20 replaced: 4 deleted versions of 24 on disk, under the 25 % that compacts.
        try writeFiles(dir, 0..<4, "revised")
        #expect(try LoupeProcess.run(["index", dir.path + "/docs", "--index", index], environment: env).stdout.contains("updated 4"))

        let before = try LoupeProcess.run(["stats", "--index", index], environment: env)
        #expect(before.status == 0)
        #expect(line(before.stdout, "documents") == "20 live, 4 deleted")
        // FolderIndexer gives every document a type (`other` until a format says more); deleted versions do not count.
        #expect(line(before.stdout, "types")?.hasSuffix(" 20") == true, "\(before.stdout)")
        for table in ["meta", "terms", "postings", "positions", "docstore", "ids", "norms", "tombstones", "labels", "columns"] {
            #expect(before.stdout.contains("  \(table) "), "no line for \(table)")
        }
        #expect(line(before.stdout, "  tombstones")?.hasPrefix("1 entries") == true)
        let bytes = try #require(line(before.stdout, "bytes"))
        #expect(bytes.contains("in the data file:") && bytes.contains("in tables") && bytes.contains("free for later commits"))

        let check = try LoupeProcess.run(["check", "--index", index], environment: env)
        #expect(check.status == 0 && check.stdout.contains("ok: 24 documents"), "\(check.stdout)\(check.stderr)")

        let compact = try LoupeProcess.run(["compact", "--index", index], environment: env)
        #expect(compact.status == 0)
        #expect(compact.stdout.contains("dropped 4 deleted documents; 20 documents renumbered"), "\(compact.stdout)")
        let after = try LoupeProcess.run(["stats", "--index", index], environment: env)
        #expect(line(after.stdout, "documents") == "20 live, 0 deleted")
        #expect(line(after.stdout, "  tombstones")?.hasPrefix("0 entries") == true)
        #expect(try LoupeProcess.run(["check", "--index", index], environment: env).stdout.contains("ok: 20 documents"))
        let revised = try LoupeProcess.run(["search", "revised", "--index", index, "--json"], environment: env)
        #expect(revised.stdout.hasPrefix("{\"total\":4,"))
        #expect(try LoupeProcess.run(["search", "original", "--index", index, "--json"], environment: env).stdout.hasPrefix("{\"total\":16,"))

        // 7 more replaced: 7 of 27 on disk pass 25 %, and the run compacts by itself.
        try writeFiles(dir, 4..<11, "revised")
        let run = try LoupeProcess.run(["index", dir.path + "/docs", "--index", index], environment: env)
        #expect(run.status == 0 && run.stdout.contains("updated 7"))
        #expect(line(try LoupeProcess.run(["stats", "--index", index], environment: env).stdout, "documents") == "20 live, 0 deleted")
        #expect(try LoupeProcess.run(["search", "revised", "--index", index, "--json"], environment: env).stdout.hasPrefix("{\"total\":11,"))
    }

    /// A 100-token body scores as 96 tokens, its one-byte norm: `explain` prints that length and
    /// says what it is, and `check` accepts the format-5 norms pages.
    @Test func explainShowsTheLengthScoringUses() throws {
        let dir = TemporaryDirectory("maintenance")
        let long = (["apple"] + (0..<99).map { "w\($0)" }).joined(separator: " ")
        let jsonl = try dir.write("docs.jsonl", #"{"id": "long", "title": "", "text": "\#(long)"}"# + "\n" + #"{"id": "short", "title": "", "text": "apple pie"}"# + "\n")
        let index = dir.path + "/index"
        #expect(try LoupeProcess.run(["index", "--jsonl", jsonl, "--index", index, "--analyzer", "simple"]).status == 0)
        let explained = try LoupeProcess.run(["explain", "apple", "long", "--index", index, "--no-proximity"])
        #expect(explained.status == 0)
        #expect(explained.stdout.contains("body:apple  tf=1 df=2 N=2") && explained.stdout.contains(" dl=96 avgdl=51.0000 "), "\(explained.stdout)")
        #expect(explained.stdout.contains("dl is the field length scoring uses: its one-byte norm, exact below 40 tokens"))
        #expect(try LoupeProcess.run(["explain", "apple", "short", "--index", index, "--no-proximity"]).stdout.contains(" dl=2 "))
        #expect(try LoupeProcess.run(["check", "--index", index]).stdout.contains("ok: 2 documents"))
    }
}
