import Foundation
import LoupeTestSupport
import Testing

extension CrashSafetyTests {
    /// Indexing onto a disk that fills up: a clear one-line error, and an index that stays at its last
    /// commit, searchable, and able to carry on once there is room again.
    @Test(.enabled(if: TmpfsMount.available, "needs root to mount a size-limited tmpfs (CI runs as root)"))
    func aFullDiskStopsIndexingWithAClearErrorAndKeepsTheLastCommit() throws {
        let dir = TemporaryDirectory("diskfull")
        let corpus = try CrashCorpus(in: dir, files: 320, seed: 7)
        let small = try TmpfsMount(at: dir.path + "/small", megabytes: 32)
        defer { small.unmount() }
        let indexPath = small.path + "/index"
        let arguments = ["index", corpus.root, "--index", indexPath, "--memory-budget", "16", "--analyzer", "simple"]

        // A first commit of the first 40 documents, with room to spare.
        try corpus.use(try corpus.head(40, of: corpus.a, in: dir.path + "/corpus-head"))
        #expect(try LoupeCLI.run(arguments).status == 0)
        // Then the disk fills up (all but 256 KiB) and the whole corpus is indexed.
        let filler = small.path + "/filler"
        #expect(FileManager.default.createFile(atPath: filler, contents: Data(count: max(0, small.freeBytes - (256 << 10)))))
        try corpus.use(corpus.a)
        let full = try LoupeCLI.run(arguments)
        #expect(full.exited, "loupe must fail, not crash: \(full.stderr)")
        #expect(full.status != 0)
        let lines = full.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("disk") && lines[0].contains("full"), "stderr: \(full.stderr)")

        // The index is at its last commit: the first documents, whole, and nothing else.
        let phase = RunPhase(base: [:], target: corpus.a.documents)
        let contents = try IndexContents(path: indexPath)
        let committed = try #require(phase.committed(contents), "\(phase.mismatch(contents))")
        #expect(committed.documents >= 40 && !committed.done)
        let search = try LoupeCLI.run(["search", "alphamark", "--index", indexPath, "--json", "--limit", "1"])
        #expect(search.status == 0)
        let answer = try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any]
        #expect(answer?["total"] as? Int == committed.documents)
        #expect(try LoupeCLI.run(["check", "--index", indexPath]).status == 0)

        // With room again, the same command finishes the job.
        try FileManager.default.removeItem(atPath: filler)
        let resumed = try LoupeCLI.run(arguments)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(phase.committed(try IndexContents(path: indexPath))?.done == true)
    }
}
