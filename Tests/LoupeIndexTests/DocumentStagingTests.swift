import Foundation
import LoupeStorage
import LoupeTestSupport
import Testing
@testable import LoupeIndex

/// A bulk load writes its document blocks and record groups at its flushes, ahead of its commit
/// (``DocumentStaging``): on real LMDB files, the commit leaves the tables one commit from memory
/// leaves, staged entries are never served before it, and a load killed or overtaken by another
/// writer leaves nothing wrong behind.
@Suite struct DocumentStagingTests {
    /// Documents of a few KiB of text each, so that a flush completes several packer runs.
    static func documents(_ range: Range<Int>, seed: UInt64, prefix: String = "doc") -> [DocumentInput] {
        var random = SeededGenerator(seed: seed)
        return range.map { i in
            let words = (0..<Int.random(in: 200...900, using: &random)).map { _ in "w\(Int.random(in: 0..<3000, using: &random))" }
            return DocumentInput(id: "\(prefix)\(i)", title: "title \(i)", text: words.joined(separator: " "))
        }
    }

    /// Every live document's id → text, read as a reader serves them.
    static func texts(_ index: Index) throws -> [String: String] {
        let reader = try index.reader()
        var out: [String: String] = [:]
        try reader.forEachId { id, doc in
            out[id] = try reader.withText(doc) { String(decoding: $0, as: UTF8.self) }
        }
        var listed = 0
        try reader.forEachLiveDocument { _, record, text in
            listed += 1
            #expect(out[record.id] == text, "\(record.id) listed with another text")
        }
        #expect(listed == out.count)
        return out
    }

    static func expected(_ documents: [DocumentInput]) -> [String: String] {
        Dictionary(documents.map { ($0.id, $0.text) }, uniquingKeysWith: { _, last in last })
    }

    /// A bulk writer that flushes every `group` documents.
    /// A new index in `dir` holding `documents`, committed by an ordinary writer.
    static func index(in dir: TemporaryDirectory, committing documents: [DocumentInput] = []) throws -> Index {
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        if !documents.isEmpty {
            let writer = try IndexWriter(index: index, workers: 2)
            try writer.add(contentsOf: documents)
            try writer.commit()
        }
        return index
    }

    static func bulkWriter(_ index: Index) throws -> IndexWriter {
        try IndexWriter(index: index, memoryBudget: 64 << 10, workers: 2, spillLimit: 1 << 40)
    }

    static func add(_ documents: [DocumentInput], to writer: IndexWriter, group: Int = 40) throws {
        for start in stride(from: 0, to: documents.count, by: group) {
            #expect(try writer.add(contentsOf: Array(documents[start..<min(documents.count, start + group)])) == nil)
        }
    }

    @Test func flushesWriteTheBlocksAheadAndTheCommitLeavesTheTablesOfOneCommit() throws {
        let dir = TemporaryDirectory("staging")
        let first = Self.documents(0..<150, seed: 1), load = Self.documents(100..<700, seed: 2)
        // An earlier commit leaves a record group half full, which the load's commit completes.
        let staged = try Index.openOrCreate(at: dir.path + "/staged", analyzer: .preset(.simple))
        let memory = try Index.openOrCreate(at: dir.path + "/memory", analyzer: .preset(.simple))
        for index in [staged, memory] {
            let writer = try IndexWriter(index: index, workers: 2)
            try writer.add(contentsOf: first)
            try writer.commit()
        }
        let writer = try Self.bulkWriter(staged)
        try Self.add(load, to: writer)
        #expect(writer.spilledBytes > 0)
        // Before the commit: the blocks are in the file, but nothing of the load is served.
        let before = try IndexChecker(index: staged).check()
        #expect(before.isSound && before.strayEntries > 10)
        #expect(try Self.texts(staged) == Self.expected(first))
        try writer.commit()

        let reference = try IndexWriter(index: memory, memoryBudget: 1 << 40, workers: 2)
        try reference.add(contentsOf: load)
        try reference.commit()
        let a = try SpillingWriterTests.contents(staged), b = try SpillingWriterTests.contents(memory)
        for (name, entries) in b {
            let same = a[name] == entries
            #expect(same, "table \(name) differs")
        }
        let after = try IndexChecker(index: staged).check()
        #expect(after.isSound && after.strayEntries == 0)
        #expect(try staged.reader().snapshot.get(staged.tables.meta, key: DocumentStage.key) == nil)
        #expect(try Self.texts(staged) == Self.expected(first + load))
    }

    @Test func anotherWriterTakingIdsCancelsTheStageAndNothingCollides() throws {
        let dir = TemporaryDirectory("staging")
        let index = try Self.index(in: dir)
        let load = Self.documents(0..<400, seed: 3), other = Self.documents(0..<3, seed: 4, prefix: "other")
        let bulk = try Self.bulkWriter(index)
        try Self.add(Array(load[..<200]), to: bulk)
        #expect(try IndexChecker(index: index).check().strayEntries > 0)
        // A second writer commits a few documents under the ids the load staged its first blocks at.
        let writer = try IndexWriter(index: index, workers: 2)
        try writer.add(contentsOf: other)
        try writer.commit()
        #expect(try Self.texts(index) == Self.expected(other))
        let between = try IndexChecker(index: index).check()
        #expect(between.isSound, "\(between.problems)")
        // The load goes on (its stage cancelled) and commits every document itself.
        try Self.add(Array(load[200...]), to: bulk)
        try bulk.commit()
        let after = try IndexChecker(index: index).check()
        #expect(after.isSound && after.strayEntries == 0, "\(after.problems)")
        #expect(try Self.texts(index) == Self.expected(other + load))
    }

    @Test func aStageCancelledAfterTheLastFlushIsCommittedFromTheSpilledBlocks() throws {
        let dir = TemporaryDirectory("staging")
        let index = try Self.index(in: dir)
        let load = Self.documents(0..<300, seed: 11), other = Self.documents(0..<2, seed: 12, prefix: "other")
        let bulk = try Self.bulkWriter(index)
        try Self.add(load, to: bulk)
        #expect(bulk.spilledBytes > 0)
        // Another writer takes the ids after the load's last flush: only the load's commit finds its
        // stage gone, and packs every flushed document again from the blocks it spilled (and the
        // run its packer left open, which no block holds).
        let writer = try IndexWriter(index: index, workers: 2)
        try writer.add(contentsOf: other)
        try writer.commit()
        try bulk.commit()
        let after = try IndexChecker(index: index).check()
        #expect(after.isSound && after.strayEntries == 0, "\(after.problems)")
        #expect(try Self.texts(index) == Self.expected(other + load))
    }

    /// A bulk writer without the fallback spill (what `JSONLIndexer` uses first) cannot commit
    /// documents whose stage another writer took away: the flush or the commit that finds it gone
    /// throws ``StageLost``, and the index stays as the other writer left it.
    @Test func withoutTheFallbackSpillALostStageEndsTheLoadAndLeavesTheIndexSound() throws {
        for lostAfterTheLastFlush in [false, true] {
            let dir = TemporaryDirectory("staging")
            let index = try Self.index(in: dir)
            let load = Self.documents(0..<300, seed: 21), other = Self.documents(0..<2, seed: 22, prefix: "other")
            let bulk = try IndexWriter(index: index, memoryBudget: 64 << 10, workers: 2, spillLimit: 1 << 40, fallbackSpill: false)
            try Self.add(Array(load[..<(lostAfterTheLastFlush ? 300 : 150)]), to: bulk)
            #expect(bulk.spilledBytes > 0)
            let writer = try IndexWriter(index: index, workers: 2)
            try writer.add(contentsOf: other)
            try writer.commit()
            #expect(throws: StageLost.self) {
                if !lostAfterTheLastFlush {
                    for start in stride(from: 150, to: 300, by: 40) { try bulk.add(contentsOf: Array(load[start..<min(300, start + 40)])) }
                }
                try bulk.commit()
            }
            let after = try IndexChecker(index: index).check()
            #expect(after.isSound, "\(after.problems)")
            #expect(try Self.texts(index) == Self.expected(other))
        }
    }

    /// A JSON-lines load that another writer overtakes (here, a commit made from its progress
    /// callback, between two groups) starts again with the fallback spill and loses nothing: the
    /// index holds both writers' documents, and nothing stray.
    @Test func aJSONLinesLoadOvertakenByAnotherWriterStartsAgainAndLosesNothing() throws {
        let dir = TemporaryDirectory("staging")
        let index = try Self.index(in: dir)
        let load = Self.documents(0..<300, seed: 31), other = Self.documents(0..<2, seed: 32, prefix: "other")
        let file = dir.path + "/load.jsonl"
        let lines = try load.map { document -> String in
            let object = ["id": document.id, "title": document.title, "text": document.text]
            return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: false, encoding: .utf8)
        var options = IndexingOptions()
        options.memoryBudget = 256 << 10
        var calls = 0, overtaken = false, restarted = false, lastDone = 0
        let report = try JSONLIndexer(index: index, options: options).run(path: file) { progress in
            calls += 1
            if progress.done < lastDone { restarted = true }
            lastDone = progress.done
            // Once the load has flushed (and staged) a few times, and only once.
            guard calls == 40, !overtaken else { return }
            overtaken = true
            do {
                let writer = try IndexWriter(index: index, workers: 2)
                try writer.add(contentsOf: other)
                try writer.commit()
            } catch {
                Issue.record("the other writer failed: \(error)")
            }
        }
        #expect(overtaken && restarted)
        #expect(report.added == 300)
        let after = try IndexChecker(index: index).check()
        #expect(after.isSound && after.strayEntries == 0, "\(after.problems)")
        let texts = try Self.texts(index)
        #expect(texts.count == 302)
        for document in other + load {
            #expect(texts[document.id] == document.text.split(separator: " ").joined(separator: " "), "\(document.id)")
        }
    }

    @Test func aKilledLoadsStrayEntriesAreNeverServedAndAreReclaimed() throws {
        let dir = TemporaryDirectory("staging")
        let first = Self.documents(0..<50, seed: 5)
        let index = try Self.index(in: dir, committing: first)
        // A load that stages and never commits: what a killed process leaves.
        do {
            let killed = try Self.bulkWriter(index)
            try Self.add(Self.documents(50..<400, seed: 6), to: killed)
        }
        let left = try IndexChecker(index: index).check()
        #expect(left.isSound && left.strayEntries > 10)
        #expect(try Self.texts(index) == Self.expected(first))
        // A small commit over part of their range: served from its own blocks only.
        let small = Self.documents(0..<5, seed: 7, prefix: "small")
        let writer = try IndexWriter(index: index, workers: 2)
        try writer.add(contentsOf: small)
        try writer.commit()
        #expect(try Self.texts(index) == Self.expected(first + small))
        #expect(try IndexChecker(index: index).check().isSound)
        // The next load reclaims the rest; so would compaction.
        let next = Self.documents(400..<600, seed: 8)
        let bulk = try Self.bulkWriter(index)
        try Self.add(next, to: bulk)
        try bulk.commit()
        let after = try IndexChecker(index: index).check()
        #expect(after.isSound && after.strayEntries == 0, "\(after.problems)")
        #expect(try Self.texts(index) == Self.expected(first + small + next))
    }

    @Test func compactionDropsStrayEntriesAndTheStage() throws {
        let dir = TemporaryDirectory("staging")
        let first = Self.documents(0..<60, seed: 9)
        let index = try Self.index(in: dir, committing: first)
        let bulk = try Self.bulkWriter(index)
        try Self.add(Self.documents(60..<300, seed: 10), to: bulk)
        #expect(try IndexChecker(index: index).check().strayEntries > 0)
        try Compactor(index: index).compact()
        let after = try IndexChecker(index: index).check()
        #expect(after.isSound && after.strayEntries == 0)
        #expect(try index.reader().snapshot.get(index.tables.meta, key: DocumentStage.key) == nil)
        // The load's stage is gone with them: it commits everything itself.
        try bulk.commit()
        #expect(try IndexChecker(index: index).check().isSound)
        #expect(try Self.texts(index) == Self.expected(first + Self.documents(60..<300, seed: 10)))
    }
}
