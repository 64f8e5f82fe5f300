import Foundation
import LoupeTestSupport
import Testing
@testable import LoupeIndex

/// `PathIndexer` told which paths changed must leave the index exactly as a full `FolderIndexer`
/// run over the roots would.
@Suite struct PathIndexerTests {
    static let words = ["apple", "birch", "cedar", "delta", "ember", "fjord", "grove", "heron"]

    /// Every live document (id → source, title and text), and the statistics that must agree.
    struct Snapshot: Equatable {
        var documents: [String: [String]]
        var liveDocs: UInt32
        var totalLengths: [UInt64]
        var docFreqs: [UInt32]

        init(_ index: Index) throws {
            let reader = try index.reader()
            var documents: [String: [String]] = [:]
            try reader.forEachLiveDocument { _, record, text in documents[record.id] = [record.source, record.title, text] }
            self.documents = documents
            liveDocs = reader.statistics.liveDocs
            totalLengths = reader.statistics.totalLengths
            docFreqs = try PathIndexerTests.words.map { try reader.termInfo(.body, $0)?.docFreq ?? 0 }
        }
    }

    /// A random tree under `root`, changed at random; records the paths each change touches.
    struct Tree {
        let root: String
        var random: SeededGenerator
        var changed = Set<String>()

        var files: [String] { list { $0 == false } }
        var folders: [String] { list { $0 == true } }

        private func list(_ keep: (Bool) -> Bool) -> [String] {
            let enumerator = FileManager.default.enumerator(atPath: root)
            var out: [String] = []
            while let path = enumerator?.nextObject() as? String {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), keep(isFolder.boolValue) {
                    out.append(path)
                }
            }
            return out.sorted()
        }

        mutating func text() -> String {
            (0..<Int.random(in: 1...6, using: &random)).map { _ in PathIndexerTests.words.randomElement(using: &random)! }
                .joined(separator: " ")
        }

        mutating func newPath() -> String {
            let folder = (folders + [""]).randomElement(using: &random)!
            let name = ["n\(Int.random(in: 0..<50, using: &random)).txt", "s\(Int.random(in: 0..<9, using: &random))",
                        ".hidden\(Int.random(in: 0..<3, using: &random)).txt"].randomElement(using: &random)!
            return folder.isEmpty ? name : folder + "/" + name
        }

        mutating func write(_ path: String) throws {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text().utf8).write(to: URL(fileURLWithPath: full))
            changed.insert(path)
        }

        /// One random change: create, rewrite, delete, or move a file or a folder.
        mutating func change() throws {
            let manager = FileManager.default
            switch Int.random(in: 0..<7, using: &random) {
            case 0, 1:
                let path = newPath()
                if manager.fileExists(atPath: root + "/" + path) { return }
                try write(path.hasSuffix(".txt") ? path : path + "/f.txt")
            case 2:
                if let file = files.randomElement(using: &random) { try write(file) }
            case 3:
                if let victim = (files + folders).randomElement(using: &random) {
                    try manager.removeItem(atPath: root + "/" + victim)
                    changed.insert(victim)
                }
            default:
                guard let from = (files + folders).randomElement(using: &random) else { return }
                let to = newPath()
                if manager.fileExists(atPath: root + "/" + to) || to.hasPrefix(from + "/") { return }
                try manager.createDirectory(atPath: ((root + "/" + to) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try manager.moveItem(atPath: root + "/" + from, toPath: root + "/" + to)
                changed.formUnion([from, to])
            }
        }
    }

    @Test(arguments: [11, 22, 33] as [UInt64])
    func pathRunsLeaveWhatAFullRunLeaves(seed: UInt64) throws {
        let dir = TemporaryDirectory("paths")
        let root = dir.path + "/root"
        var tree = Tree(root: root, random: SeededGenerator(seed: seed))
        for _ in 0..<30 { try tree.change() }
        let watched = try Index.openOrCreate(at: dir.path + "/watched", analyzer: .preset(.simple))
        _ = try FolderIndexer(index: watched).run(roots: [root])
        let indexer = PathIndexer(index: watched, roots: FolderRoots([root]))
        for round in 0..<12 {
            tree.changed = []
            for _ in 0..<Int.random(in: 1...5, using: &tree.random) { try tree.change() }
            _ = try indexer.run(tree.changed.map { RootedPath(root: 0, relativePath: $0) })
            let fresh = try Index.openOrCreate(at: dir.path + "/fresh\(round)", analyzer: .preset(.simple))
            _ = try FolderIndexer(index: fresh).run(roots: [root])
            #expect(try Snapshot(watched) == Snapshot(fresh), "seed \(seed), round \(round), changed \(tree.changed.sorted())")
        }
    }

    @Test func withSeveralRootsIdsArePrefixedAndOtherDocumentsAreLeftAlone() throws {
        let dir = TemporaryDirectory("paths")
        try dir.write("one/a.txt", "apple")
        try dir.write("two/sub/b.txt", "birch")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        let writer = try IndexWriter(index: index)
        try writer.add(DocumentInput(id: "one/kept.txt", title: "", text: "cedar", source: "jsonl:/elsewhere"))
        try writer.commit()
        let roots = FolderRoots([dir.path + "/one", dir.path + "/two"])
        let report = try PathIndexer(index: index, roots: roots).run([
            RootedPath(root: 0, relativePath: ""), RootedPath(root: 1, relativePath: "sub"), RootedPath(root: 1, relativePath: "sub/b.txt"),
        ])
        #expect(report.added == 2)
        try FileManager.default.removeItem(atPath: dir.path + "/one/a.txt")
        let second = try PathIndexer(index: index, roots: roots).run([RootedPath(root: 0, relativePath: "")])
        #expect(second.removed == 1)
        var ids: [String] = []
        try index.reader().forEachId { id, _ in ids.append(id) }
        #expect(ids == ["one/kept.txt", "two/sub/b.txt"])
    }

    @Test func outermostPathsDropWhatLiesUnderAnother() {
        let paths = ["a", "a/b", "a-b", "a-b/c", "c/d", "c/d/e", "c/de"].map { RootedPath(root: 0, relativePath: $0) }
            + [RootedPath(root: 1, relativePath: "a/b")]
        #expect(RootedPath.outermost(paths) == [
            RootedPath(root: 0, relativePath: "a"), RootedPath(root: 0, relativePath: "a-b"), RootedPath(root: 0, relativePath: "c/d"),
            RootedPath(root: 0, relativePath: "c/de"), RootedPath(root: 1, relativePath: "a/b"),
        ])
        #expect(RootedPath.outermost([RootedPath(root: 0, relativePath: ""), RootedPath(root: 0, relativePath: "x")]).count == 1)
    }
}
