import Foundation
import LoupeStorage
import LoupeTestSupport
import Testing
@testable import LoupeIndex

/// A writer that flushes its batches to spill files and merges them at commit leaves the index one
/// commit from memory leaves, byte for byte, on real LMDB files.
@Suite struct SpillingWriterTests {
    /// Documents of skewed random words (some terms past a postings block, most inlined), with
    /// titles, types and extensions, and a few replacing earlier ones.
    static func documents(count: Int, seed: UInt64) -> [DocumentInput] {
        var random = SeededGenerator(seed: seed)
        let vocabulary = (0..<600).map { "w\($0)" }
        return (0..<count).map { i in
            let words = (0..<Int.random(in: 1...80, using: &random)).map { _ in
                let r = Double.random(in: 0..<1, using: &random)
                return vocabulary[Int(r * r * r * Double(vocabulary.count))]
            }
            let id = i % 89 == 88 ? "doc\(i / 3)" : "doc\(i)"
            var metadata = DocumentMetadata()
            metadata.ext = ["txt", "md", "html"][i % 3]
            metadata.modified = Int64(1_600_000_000 + i)
            return DocumentInput(
                id: id, title: words.prefix(4).joined(separator: " "), text: words.joined(separator: " "), metadata: metadata)
        }
    }

    /// Every table's keys and values, in key order (of `meta`, the statistics: its commit number
    /// and analyzer JSON are the same settings written twice, not the writer's work).
    static func contents(_ index: Index) throws -> [String: [[UInt8]]] {
        let reader = try index.reader()
        let t = index.tables
        var out: [String: [[UInt8]]] = [:]
        for (name, table) in [("meta", t.meta), ("terms", t.terms), ("postings", t.postings), ("positions", t.positions),
                              ("docstore", t.docstore), ("records", t.records), ("ids", t.ids), ("norms", t.norms),
                              ("tombstones", t.tombstones), ("labels", t.labels), ("columns", t.columns), ("problems", t.problems)] {
            var entries: [[UInt8]] = []
            try reader.snapshot.withCursor(table) { cursor in
                var entry = try cursor.first()
                while let e = entry {
                    if name != "meta" || Array(e.key) == Array("stats".utf8) { entries += [Array(e.key), Array(e.value)] }
                    entry = try cursor.next()
                }
            }
            out[name] = entries
        }
        return out
    }

    /// Adds `documents` in groups of `group` to a new index at `path`; returns the index, the
    /// commits `add` made, and the writer's flushes seen (spilled bytes growing).
    static func build(
        _ path: String, _ documents: [DocumentInput], group: Int, budget: Int, spillLimit: Int, workers: Int = 2
    ) throws -> (index: Index, commits: Int, flushes: Int) {
        let index = try Index.openOrCreate(at: path, analyzer: .preset(.simple))
        let writer = try IndexWriter(index: index, memoryBudget: budget, workers: workers, spillLimit: spillLimit)
        var commits = 0, flushes = 0, spilled = 0
        for start in stride(from: 0, to: documents.count, by: group) {
            if try writer.add(contentsOf: Array(documents[start..<min(documents.count, start + group)])) != nil { commits += 1 }
            if writer.spilledBytes > spilled { flushes += 1 }
            spilled = writer.spilledBytes
        }
        try writer.commit()
        #expect(writer.pendingDocuments == 0 && writer.spilledBytes == 0)
        return (index, commits, flushes)
    }

    @Test func manyFlushesMergedInOneCommitGiveTheTablesOfOneCommit() throws {
        let dir = TemporaryDirectory("spill")
        let documents = Self.documents(count: 3000, seed: 31)
        let spilling = try Self.build(dir.path + "/spilling", documents, group: 50, budget: 16 << 10, spillLimit: 1 << 40)
        let memory = try Self.build(dir.path + "/memory", documents, group: 50, budget: 1 << 40, spillLimit: 0)
        // A flush per group, and one commit, from both.
        #expect(spilling.commits == 0 && spilling.flushes == 60)
        #expect(memory.commits == 0 && memory.flushes == 0)
        let a = try Self.contents(spilling.index), b = try Self.contents(memory.index)
        for (name, entries) in b {
            let same = a[name] == entries
            #expect(same, "table \(name) differs")
        }
        #expect(try IndexChecker(index: spilling.index).check().problems == [])
        // Nothing is left in the index directory but LMDB's two files.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/spilling").sorted() == ["data.mdb", "lock.mdb"])
        // Five workers, as on a machine with more cores (more threads than a commit's last round
        // of document runs, or the stage's open run, gives them), write the same tables too.
        let wide = try Self.build(dir.path + "/wide", documents, group: 50, budget: 16 << 10, spillLimit: 1 << 40, workers: 5)
        let c = try Self.contents(wide.index)
        for (name, entries) in b { #expect(c[name] == entries, "table \(name) differs with five workers") }
    }

    @Test func theSpillLimitBoundsTheWorkBetweenCommits() throws {
        let dir = TemporaryDirectory("spill")
        let documents = Self.documents(count: 3000, seed: 5)
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        let writer = try IndexWriter(index: index, memoryBudget: 16 << 10, workers: 2, spillLimit: 64 << 10)
        var commits = 0, committedDocuments = 0
        for start in stride(from: 0, to: documents.count, by: 50) {
            let before = writer.pendingDocuments
            if let summary = try writer.add(contentsOf: Array(documents[start..<(start + 50)])) {
                commits += 1
                committedDocuments += summary.added
                #expect(summary.added == before + 50 && writer.spilledBytes == 0)
                // The commit is visible: everything added so far is in the index.
                #expect(try index.reader().statistics.nextDocId == UInt32(committedDocuments))
            } else {
                #expect(writer.spilledBytes > 0 && writer.spilledBytes < 64 << 10)
            }
        }
        try writer.commit()
        #expect(commits > 3 && commits < 60)
        let reference = try Self.build(dir.path + "/reference", documents, group: 50, budget: 1 << 40, spillLimit: 0).index
        let a = try index.reader(), b = try reference.reader()
        #expect(a.statistics.liveDocs == b.statistics.liveDocs)
        for word in ["w0", "w1", "w17", "w599"] {
            #expect(try a.termInfo(.body, word)?.docFreq == b.termInfo(.body, word)?.docFreq, "\(word)")
        }
        #expect(try IndexChecker(index: index).check().problems == [])
    }

    @Test func aSpillFileThatCannotBeWrittenIsAClearErrorAndLosesNothing() throws {
        let dir = TemporaryDirectory("spill")
        let path = dir.path + "/index", away = dir.path + "/moved"
        let index = try Index.openOrCreate(at: path, analyzer: .preset(.simple))
        let writer = try IndexWriter(index: index, memoryBudget: 16 << 10, workers: 2, spillLimit: 1 << 40)
        let documents = Self.documents(count: 400, seed: 9)
        try writer.add(contentsOf: Array(documents[0..<100]))
        try writer.commit()
        let committed = try Self.contents(index)
        // The index directory is gone from its path (LMDB keeps its open files): no spill file can be made there.
        try FileManager.default.moveItem(atPath: path, toPath: away)
        let error = try #require(throws: SpillFileError.self) { try writer.add(contentsOf: Array(documents[100..<200])) }
        #expect(error.description.contains("cannot create a spill file in \(path)"))
        #expect(error.description.contains("No such file or directory"))
        #expect(!error.isDiskFull)
        // The committed index is untouched, and the batch is still pending in memory.
        #expect(try Self.contents(index) == committed)
        #expect(writer.pendingDocuments == 100)
        // Once the directory is back, the same writer flushes and commits it all.
        try FileManager.default.moveItem(atPath: away, toPath: path)
        try writer.add(contentsOf: Array(documents[200..<400]))
        try writer.commit()
        let reference = try Self.build(dir.path + "/reference", documents, group: 100, budget: 1 << 40, spillLimit: 0).index
        #expect(try index.reader().statistics.liveDocs == reference.reader().statistics.liveDocs)
        #expect(try index.reader().termInfo(.body, "w0")?.docFreq == reference.reader().termInfo(.body, "w0")?.docFreq)
        #expect(try IndexChecker(index: index).check().problems == [])
    }

    @Test func aFullDiskWhileSpillingIsRecognizedAsSuch() {
        let full = SpillFileError(code: ENOSPC, operation: "write the spill file", directory: "/x")
        #expect(full.isDiskFull)
        #expect(DiskFullError(full, indexPath: "/x")?.description.contains("is full") == true)
        #expect(DiskFullError(SpillFileError(code: EACCES, operation: "create a spill file", directory: "/x"), indexPath: "/x") == nil)
    }

    @Test func aSpillReaderReadsEntriesLargerThanItsBuffer() throws {
        let dir = TemporaryDirectory("spill")
        let file = try SpillFile(in: dir.path)
        var out: [UInt8] = []
        let sizes = [0, 1, 5000, 70_000, 3, 200_000]
        for (i, size) in sizes.enumerated() {
            let start = SpillReader.beginFrame(in: &out)
            out.append(contentsOf: repeatElement(UInt8(i), count: size))
            SpillReader.endFrame(start, in: &out)
        }
        try file.append(out)
        try file.flushBuffer()
        var reader = SpillReader(file, region: 0..<file.size, bufferSize: 4096)
        defer { reader.close() }
        for (i, size) in sizes.enumerated() {
            let entry = try #require(try reader.next())
            #expect(entry.count == size && entry.allSatisfy { $0 == UInt8(i) })
        }
        #expect(try reader.next() == nil)
        // A region cut inside an entry is an error, not a short entry.
        var cut = SpillReader(file, region: 0..<(file.size - 1), bufferSize: 4096)
        defer { cut.close() }
        for _ in 0..<(sizes.count - 1) { _ = try cut.next() }
        #expect(throws: IndexError.self) { try cut.next() }
    }

    /// Appends of every size, crossing buffers (whose writes run on another thread) and larger
    /// than one, with truncations into bytes still buffered, being written, or written: the file
    /// reads back as the appends and truncations say, at every point a reader may look.
    @Test func aSpillFileReadsBackWhatWasAppendedWhileItsWritesRunBehind() throws {
        let dir = TemporaryDirectory("spill")
        let file = try SpillFile(in: dir.path)
        var rng = SeededGenerator(seed: 11)
        var expected: [UInt8] = []
        for step in 0..<300 {
            switch Int.random(in: 0..<20, using: &rng) {
            case 0:
                let offset = Int.random(in: max(0, expected.count - (3 << 20))...expected.count, using: &rng)
                file.truncate(to: offset)
                expected.removeSubrange(offset...)
            case 1:
                let bytes = (0..<Int.random(in: (1 << 20)...(3 << 20), using: &rng)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ step) }
                try file.append(bytes)
                expected += bytes
            default:
                let bytes = (0..<Int.random(in: 0...70_000, using: &rng)).map { UInt8(truncatingIfNeeded: $0 &+ step) }
                try file.append(bytes)
                expected += bytes
            }
            #expect(file.size == expected.count)
            if step % 50 == 49 {
                try file.flushBuffer()
                #expect(try Self.read(file) == expected, "step \(step)")
            }
        }
        try file.finishAppending()
        #expect(try Self.read(file) == expected)
        // The file takes appends again after being finished.
        try file.append([1, 2, 3])
        try file.finishAppending()
        #expect(try Self.read(file) == expected + [1, 2, 3])
    }

    /// Writing a file's pages back (a flush's run once written) and letting the page cache go of
    /// them (a run, or the whole file once merged) keeps every byte: reads take them from the
    /// cache or the disk, and appends and truncations go on as before.
    @Test func aSpillFileReleasedFromThePageCacheKeepsItsBytes() throws {
        let dir = TemporaryDirectory("spill")
        let file = try SpillFile(in: dir.path)
        var expected: [UInt8] = []
        for run in 0..<4 {
            let start = file.size
            let bytes = (0..<(3 << 20) + run * 12_345).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ run) }
            try file.append(bytes)
            try file.finishAppending()
            expected += bytes
            file.startWriteBack(from: start)
            #expect(try Self.read(file) == expected, "run \(run) written back")
            if run % 2 == 1 { file.releaseCache(from: start) }
            #expect(try Self.read(file) == expected, "run \(run)")
        }
        file.releaseCache()
        #expect(try Self.read(file) == expected)
        file.truncate(to: 5 << 20)
        expected.removeSubrange((5 << 20)...)
        try file.append([9, 8, 7])
        try file.finishAppending()
        file.releaseCache()
        #expect(try Self.read(file) == expected + [9, 8, 7])
    }

    /// The whole of `file`, read with its `pread`s.
    static func read(_ file: SpillFile) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: file.size + 1)
        var done = 0
        while done < out.count {
            let n = try out.withUnsafeMutableBytes { try file.read(into: $0.baseAddress! + done, count: $0.count - done, at: done) }
            if n == 0 { break }
            done += n
        }
        return Array(out[0..<done])
    }
}
