import Foundation
import LoupeStorage
import LoupeTestSupport
import Synchronization
import Testing
@testable import LoupeIndex

@Suite struct SnapshotTests {
    func document(_ i: Int) -> DocumentInput {
        DocumentInput(id: "doc\(i)", title: "Title \(i)", text: "common word\(i % 50) word\(i % 7) filler \(i)")
    }

    @Test func everyCommitGetsAHigherNumberThatLMDBAgreesWith() throws {
        let dir = TemporaryDirectory("commit")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        var last = try index.reader().commit
        #expect(last == index.environment.lastCommitId)
        let writer = try IndexWriter(index: index)
        for round in 0..<4 {
            try writer.add(document(round))
            try writer.commit()
            let commit = try index.reader().commit
            #expect(commit > last)
            #expect(commit == index.environment.lastCommitId)
            last = commit
        }
        try Compactor(index: index).compact()
        #expect(try index.reader().commit > last)
    }

    @Test func anIndexWithoutACommitNumberGetsOneWhenOpened() throws {
        let dir = TemporaryDirectory("commit")
        do {
            let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
            try index.environment.write { txn in _ = try txn.delete(index.tables.meta, key: CommitNumber.key) }
            #expect(try index.reader().commit == 0)
        }
        let reopened = try Index.open(at: dir.path + "/index")
        #expect(try reopened.reader().commit == reopened.environment.lastCommitId)
        #expect(try reopened.reader().commit > 0)
    }

    /// A writer commits one document at a time while snapshots are taken: each snapshot is one of
    /// the writer's commits exactly (its documents are those that commit had), and checks clean.
    @Test func aSnapshotOfALiveIndexIsOneCommitAndChecksClean() throws {
        let dir = TemporaryDirectory("snapshot")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        let seed = try IndexWriter(index: index)
        try seed.add(contentsOf: (0..<2000).map(document))
        try seed.commit()
        let docsAtCommit = Mutex<[UInt64: UInt32]>([try index.reader().commit: 2000])
        let stop = Atomic<Bool>(false)
        let writerDone = DispatchSemaphore(value: 0)
        Thread {
            defer { writerDone.signal() }
            guard let writer = try? IndexWriter(index: index) else { return }
            var i = 2000
            while !stop.load(ordering: .relaxed) {
                try? writer.add(document(i))
                try? writer.commit()
                if let reader = try? index.reader(), let commit = try? reader.commit {
                    docsAtCommit.withLock { $0[commit] = reader.statistics.liveDocs }
                }
                i += 1
            }
        }.start()
        var summaries: [SnapshotSummary] = []
        for n in 0..<3 { summaries.append(try SnapshotWriter.write(index, to: dir.path + "/snap\(n)")) }
        stop.store(true, ordering: .relaxed)
        writerDone.wait()

        for summary in summaries {
            let copy = try Index.openReadOnly(at: summary.path)
            let reader = try copy.reader()
            #expect(try reader.commit == summary.commit)
            let expected = docsAtCommit.withLock { $0[summary.commit] }
            #expect(expected != nil, "the snapshot holds commit \(summary.commit), one the writer made")
            #expect(reader.statistics.liveDocs == expected)
            #expect(try IndexChecker(index: copy).check().problems == [])
            #expect(summary.bytes == (try FileManager.default.attributesOfItem(atPath: summary.path + "/data.mdb")[.size] as? Int))
            // Read-only without a lock file: nothing is written beside a published snapshot.
            #expect(try FileManager.default.contentsOfDirectory(atPath: summary.path) == ["data.mdb"])
        }
        #expect(summaries[0].commit <= summaries[1].commit && summaries[1].commit <= summaries[2].commit)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["index", "snap0", "snap1", "snap2"])
    }

    @Test func aReadOnlySnapshotRefusesWrites() throws {
        let dir = TemporaryDirectory("snapshot")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        let writer = try IndexWriter(index: index)
        try writer.add(document(1))
        try writer.commit()
        let summary = try SnapshotWriter.write(index, to: dir.path + "/snap")
        let copy = try Index.openReadOnly(at: summary.path)
        #expect(copy.isReadOnly)
        let copyWriter = try IndexWriter(index: copy)
        try copyWriter.add(document(2))
        #expect(throws: StorageError.self) { try copyWriter.commit() }
        #expect(try copy.reader().statistics.liveDocs == 1)
        #expect(throws: IndexError.self) { try Index.openReadOnly(at: dir.path + "/nothing") }
    }

    @Test func aDestinationThatExistsOrHasNoParentIsRefusedAndNothingIsLeft() throws {
        let dir = TemporaryDirectory("snapshot")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        try FileManager.default.createDirectory(atPath: dir.path + "/taken", withIntermediateDirectories: false)
        #expect(throws: SnapshotError.self) { try SnapshotWriter.write(index, to: dir.path + "/taken") }
        #expect(throws: SnapshotError.self) { try SnapshotWriter.write(index, to: dir.path + "/missing/snap") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/taken") == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["index", "taken"])
    }
}
