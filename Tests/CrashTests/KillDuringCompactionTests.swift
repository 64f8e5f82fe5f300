import Foundation
import LoupeIndex
import LoupeTestSupport
import Testing

extension CrashSafetyTests {
    /// `kill -9` during real `loupe compact` runs, at random moments. Compaction changes how the
    /// index is stored, never what it holds: after every kill the index must open, `loupe check`
    /// must pass, and it must hold the same documents as before, with every deleted document either
    /// still tombstoned or gone.
    @Test func everyKilledCompactionLeavesTheSameDocuments() throws {
        var random = SeededGenerator(seed: crashSeed ^ 0xC0FFEE)
        let dir = TemporaryDirectory("crash-compact")
        let corpus = try CrashCorpus(in: dir, files: 120, seed: crashSeed, uniqueWords: 100)
        // Automatic compaction off, so re-indexing leaves deleted documents for `loupe compact`.
        let config = try dir.write("loupe.toml", "[index]\ncompact_deleted_ratio = 1.0\n")
        let prepared = dir.path + "/prepared"
        for version in [corpus.a, corpus.b] {
            try corpus.use(version)
            let run = try LoupeCLI.run(["index", corpus.root, "--index", prepared, "--analyzer", "simple", "--config", config])
            try #require(run.status == 0, "\(run.stderr)")
        }
        let before = try IndexContents(path: prepared)
        let deletedBefore = try Index.open(at: prepared).reader().statistics.deletedDocs
        try #require(deletedBefore > 0)

        let work = dir.path + "/work"
        func freshCopy() throws {
            try? FileManager.default.removeItem(atPath: work)
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: false)
            try FileManager.default.copyItem(atPath: prepared + "/data.mdb", toPath: work + "/data.mdb")
        }
        try freshCopy()
        let start = ContinuousClock.now
        #expect(try LoupeCLI.run(["compact", "--index", work]).status == 0)
        let maxDelay = start.duration(to: .now) * 1.2
        print("compaction crash test: a compaction takes \(maxDelay / 1.2); kills come within \(maxDelay)")

        var kills = 0, compacted = 0
        for run in 0..<crashRuns {
            try freshCopy()
            switch try LoupeCLI.runAndKill(["compact", "--index", work], after: maxDelay * Double.random(in: 0...1, using: &random)) {
            case .killed: kills += 1
            case .exited(let status, let stderr): #expect(status == 0, "compaction \(run) failed by itself: \(stderr)")
            }
            let check = try LoupeCLI.run(["check", "--index", work])
            #expect(check.status == 0, "compaction \(run): loupe check failed: \(check.stdout) \(check.stderr)")
            #expect(try IndexContents(path: work) == before, "compaction \(run) (seed \(crashSeed)) changed the documents")
            let deleted = try Index.open(at: work).reader().statistics.deletedDocs
            #expect(deleted == deletedBefore || deleted == 0, "compaction \(run): \(deleted) deleted documents")
            if deleted == 0 { compacted += 1 }
        }
        print("compaction crash test: \(crashRuns) runs, \(kills) killed, \(compacted) found compacted")
    }
}
