import Foundation
import LoupeTestSupport
import Testing

/// The memory a bulk load holds follows its budget, not the size of what it has loaded.
@Suite struct IndexingMemoryTests {
    /// Each document's record (its id, title and lengths) is written out at the flush and must be
    /// freed with the batch. 30,000 titles of 4 KB are 120 MB: a load at `--memory-budget 16` that
    /// kept them (the records' buffer in `IndexWriter.invert` was deallocated without being
    /// deinitialized) peaked at 179 MiB; one that frees them peaks near 85 MiB.
    @Test func aBulkLoadDoesNotKeepItsDocumentsRecords() throws {
        let dir = TemporaryDirectory("memory")
        let file = dir.path + "/docs.jsonl"
        let padding = String(repeating: "x", count: 4000)
        var lines = ""
        for i in 0..<30_000 {
            lines += "{\"id\":\"d\(i)\",\"title\":\"title \(i) \(padding)\",\"text\":\"word\(i % 500) shared text\"}\n"
        }
        try lines.write(toFile: file, atomically: false, encoding: .utf8)
        let run = try LoupeProcess.peakMemory(["index", "--jsonl", file, "--index", dir.path + "/index", "--memory-budget", "16"])
        #expect(run.output.status == 0, "\(run.output.stderr)")
        #expect(run.bytes < 140 << 20, "peak RSS \(run.bytes >> 20) MiB")
        let found = try LoupeProcess.run(["search", "word7", "--index", dir.path + "/index", "--json"])
        #expect(found.stdout.contains("\"total\":60"))
    }
}
