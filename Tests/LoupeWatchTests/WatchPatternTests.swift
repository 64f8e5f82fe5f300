import Foundation
import Testing

/// Each change pattern a watched folder goes through, followed with real inotify into a real
/// index. Waits are bounded (10 s) polls of the index.
@Suite(.serialized) struct WatchPatternTests {
    @Test func aNewFileAppearsAndTheFirstScanTookInWhatWasThere() throws {
        let harness = try WatchHarness { try $0.write("before.txt", "written before watching") }
        try harness.waitForDocuments(["before.txt": "written before watching"])
        try harness.write("new.txt", "a new file")
        try harness.waitForDocuments(["before.txt": "written before watching", "new.txt": "a new file"])
    }

    @Test func aModifiedFileIsReindexed() throws {
        let harness = try WatchHarness { try $0.write("note.txt", "first version") }
        try harness.write("note.txt", "second version")
        try harness.waitForDocuments(["note.txt": "second version"])
        // Rewritten at once, possibly within the same mtime tick and at the same size.
        try harness.write("note.txt", "third  version")
        try harness.write("note.txt", "fourth version")
        try harness.waitForDocuments(["note.txt": "fourth version"])
    }

    @Test func editorSavesThroughATemporaryFileAndRename() throws {
        let harness = try WatchHarness { try $0.write("doc.md", "# Draft\n\nold body") }
        // vim-style: a hidden swap file; then a visible temporary file renamed over the original.
        try harness.write(".doc.md.swp", "swap")
        try harness.write("doc.md.tmp-4913", "# Draft\n\nnew body")
        try harness.move(harness.root + "/doc.md.tmp-4913", harness.root + "/doc.md")
        try FileManager.default.removeItem(atPath: harness.root + "/.doc.md.swp")
        try harness.waitForDocuments(["doc.md": "Draft\n\nnew body"])
        // An atomic save that keeps a backup: original renamed to doc.md~, new file written, backup removed.
        try harness.move(harness.root + "/doc.md", harness.root + "/doc.md~")
        try harness.write("doc.md", "# Draft\n\nthird body")
        try FileManager.default.removeItem(atPath: harness.root + "/doc.md~")
        try harness.waitForDocuments(["doc.md": "Draft\n\nthird body"])
    }

    @Test func filesAndFoldersMovedWithinTheTreeChangeIds() throws {
        let harness = try WatchHarness {
            try $0.write("a/one.txt", "one")
            try $0.write("a/deep/two.txt", "two")
            try $0.write("b/three.txt", "three")
        }
        try harness.move(harness.root + "/b/three.txt", harness.root + "/a/three-renamed.txt")
        try harness.move(harness.root + "/a", harness.root + "/c")
        try harness.waitForDocuments(["c/one.txt": "one", "c/deep/two.txt": "two", "c/three-renamed.txt": "three"])
        // The moved folder is still watched under its new name.
        try harness.write("c/deep/four.txt", "four")
        try harness.waitForDocuments(["c/one.txt": "one", "c/deep/two.txt": "two", "c/three-renamed.txt": "three", "c/deep/four.txt": "four"])
    }

    @Test func filesAndFoldersMovedOutAreRemovedAndMovedInAreAdded() throws {
        let harness = try WatchHarness {
            try $0.write("keep.txt", "keep")
            try $0.write("leaving.txt", "leaving")
            try $0.write("tree/x.txt", "x")
            try $0.write("tree/sub/y.txt", "y")
        }
        try harness.move(harness.root + "/leaving.txt", harness.outside + "/leaving.txt")
        try harness.move(harness.root + "/tree", harness.outside + "/tree")
        try harness.waitForDocuments(["keep.txt": "keep"])
        // Changes in the folder that left are not followed any more.
        try harness.write(path: harness.outside + "/tree/z.txt", "z")
        try harness.write(path: harness.outside + "/arriving/sub/w.txt", "w")
        try harness.move(harness.outside + "/arriving", harness.root + "/arrived")
        try harness.waitForDocuments(["keep.txt": "keep", "arrived/sub/w.txt": "w"])
        try harness.write("arrived/sub/v.txt", "v")
        try harness.waitForDocuments(["keep.txt": "keep", "arrived/sub/w.txt": "w", "arrived/sub/v.txt": "v"])
    }

    @Test func deletedFilesAndFoldersAreRemoved() throws {
        let harness = try WatchHarness {
            try $0.write("stay.txt", "stay")
            try $0.write("gone.txt", "gone")
            for i in 0..<50 { try $0.write("tree/\(i % 5)/file\(i).txt", "file \(i)") }
        }
        try harness.waitUntil("the initial scan") { $0.count == 52 }
        try FileManager.default.removeItem(atPath: harness.root + "/gone.txt")
        try FileManager.default.removeItem(atPath: harness.root + "/tree")
        try harness.waitForDocuments(["stay.txt": "stay"])
        // A folder of the same name created again is watched afresh.
        try harness.write("tree/again.txt", "again")
        try harness.waitForDocuments(["stay.txt": "stay", "tree/again.txt": "again"])
    }

    @Test func aDeletedRootIsReportedAndItsDocumentsRemoved() throws {
        let harness = try WatchHarness {
            try $0.write("a.txt", "a")
            try $0.write("sub/b.txt", "b")
        }
        try FileManager.default.removeItem(atPath: harness.root)
        try harness.waitForDocuments([:])
        try harness.waitForEvent("the root going") { if case .problem(let message) = $0 { message.contains("moved or deleted") } else { false } }
    }

    @Test func aNewFolderIsWatchedAndFilesWrittenInItAtOnceAreNotMissed() throws {
        let harness = try WatchHarness()
        var expected: [String: String] = [:]
        // Created and filled as fast as possible, deeper folders included, racing the watch setup.
        for folder in ["n", "n/a", "n/a/b", "n/a/b/c", "m"] {
            try FileManager.default.createDirectory(atPath: harness.root + "/" + folder, withIntermediateDirectories: false)
            for i in 0..<20 {
                try harness.write("\(folder)/f\(i).txt", "\(folder) \(i)")
                expected["\(folder)/f\(i).txt"] = "\(folder) \(i)"
            }
        }
        try harness.waitForDocuments(expected)
    }

    @Test func aBurstOfTenThousandFilesIsIndexedExactlyOnce() throws {
        let harness = try WatchHarness()
        let count = 10_000
        for i in 0..<count {
            let path = harness.root + "/burst/\(i / 1000)/file\(i).txt"
            if i % 1000 == 0 { try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true) }
            try Data("burst document \(i)".utf8).write(to: URL(fileURLWithPath: path))
        }
        let took = try harness.waitUntil("10,000 documents", timeout: .seconds(120)) { $0.count == count }
        let reader = try harness.index.reader()
        var ids: [String] = []
        try reader.forEachLiveDocument { _, record, text in
            ids.append(record.id)
            #expect(text == "burst document \(record.id.split(separator: "file").last!.dropLast(4))")
        }
        #expect(ids.count == count)
        #expect(Set(ids).count == count)
        #expect(reader.statistics.liveDocs == UInt32(count))
        var idsTable = 0
        try reader.forEachId { _, _ in idsTable += 1 }
        #expect(idsTable == count)
        #expect(try reader.termInfo(.body, "burst")?.docFreq == UInt32(count))
        let batches = harness.events.filter { if case .committed(let batch) = $0 { batch.kind != .initialScan } else { false } }
        let overflowed = harness.events.contains { if case .overflow = $0 { true } else { false } }
        print("burst: 10,000 files in \(batches.count) batches\(overflowed ? " (the event queue overflowed: rescanned)" : ""), all in \(took) after the last write")
    }

    @Test func changesMadeRightBeforeStoppingAreCommittedByStop() throws {
        let harness = try WatchHarness { try $0.write("old.txt", "old") }
        try harness.write("last.txt", "written last")
        try FileManager.default.removeItem(atPath: harness.root + "/old.txt")
        harness.watcher.stop()
        #expect(try harness.documents() == ["last.txt": "written last"])
    }

    @Test func changesShowUpInSearchWellWithinTwoSeconds() throws {
        let harness = try WatchHarness()
        var latencies: [Duration] = []
        for i in 0..<5 {
            try harness.write("latency\(i).txt", "probe \(i)")
            latencies.append(try harness.waitUntil("latency\(i).txt") { $0["latency\(i).txt"] == "probe \(i)" })
            Thread.sleep(forTimeInterval: 0.2)
        }
        for i in 0..<5 {
            try FileManager.default.removeItem(atPath: harness.root + "/latency\(i).txt")
            latencies.append(try harness.waitUntil("latency\(i).txt removed") { $0["latency\(i).txt"] == nil })
        }
        let sorted = latencies.sorted()
        print("watch latency (write → visible to a new reader): median \(sorted[sorted.count / 2]), max \(sorted.last!)")
        #expect(sorted[sorted.count / 2] < .seconds(2))
    }
}
