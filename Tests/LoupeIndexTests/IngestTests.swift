import Foundation
import LoupeExtract
import LoupeTestSupport
import Testing
@testable import LoupeIndex

@Suite struct IngestTests {
    func liveIds(_ index: Index) throws -> [String] {
        var ids: [String] = []
        try index.reader().forEachId { id, _ in ids.append(id) }
        return ids
    }

    @Test func indexesAMixedFolderAndNamesWhatIsNotText() throws {
        let dir = TemporaryDirectory("ingest")
        let docs = dir.path + "/docs"
        try dir.write("docs/plain.txt", "First line title\nplain words here")
        try dir.write("docs/notes.md", "# Markdown Heading\n\nSome *emphasis* and [a link](http://x.org).")
        try dir.write("docs/page.html", "<html><head><title>Web Page</title><script>var hidden=1</script></head><body><p>visible &amp; text</p></body></html>")
        try dir.write("docs/blob.bin", [0, 1, 2, 3, 0, 0, 255, 254] + [UInt8](repeating: 0, count: 100))
        try dir.write("docs/sub/deep.txt", "deep file")
        try FileManager.default.createSymbolicLink(atPath: docs + "/sub/loop", withDestinationPath: "..")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        let report = try FolderIndexer(index: index).run(roots: [docs])
        #expect(report.added == 5)
        #expect(report.skipped.isEmpty)
        #expect(report.linksLeftAlone == 1)
        #expect(report.problems == 1)
        #expect(try liveIds(index) == ["blob.bin", "notes.md", "page.html", "plain.txt", "sub/deep.txt"])
        let reader = try index.reader()
        let blob = try #require(try reader.docId(forId: "blob.bin"))
        #expect(try reader.document(blob)?.title == "blob.bin")
        #expect(try reader.text(blob) == "")
        #expect(try reader.problems().map(\.path) == [docs + "/blob.bin"])
        let page = try #require(try reader.docId(forId: "page.html"))
        #expect(try reader.document(page)?.title == "Web Page")
        #expect(try reader.text(page)?.contains("hidden") == false)
        #expect(try reader.document(try #require(try reader.docId(forId: "notes.md")))?.title == "Markdown Heading")
        #expect(try reader.document(try #require(try reader.docId(forId: "plain.txt")))?.title == "First line title")
    }

    @Test func reindexingFollowsModificationsDeletionsAndAdditions() throws {
        let dir = TemporaryDirectory("ingest")
        let docs = dir.path + "/docs"
        try dir.write("docs/keep.txt", "stays the same")
        try dir.write("docs/change.txt", "old content")
        try dir.write("docs/remove.txt", "goes away")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        let first = try FolderIndexer(index: index).run(roots: [docs])
        #expect(first.added == 3)

        let again = try FolderIndexer(index: index).run(roots: [docs])
        #expect(again.unchanged == 3 && again.added == 0 && again.updated == 0 && again.removed == 0)

        try dir.write("docs/change.txt", "new content")
        try FileManager.default.removeItem(atPath: docs + "/remove.txt")
        try dir.write("docs/added.txt", "fresh file")
        let third = try FolderIndexer(index: index).run(roots: [docs])
        #expect(third.added == 1 && third.updated == 1 && third.removed == 1 && third.unchanged == 1)
        #expect(try liveIds(index) == ["added.txt", "change.txt", "keep.txt"])
        let reader = try index.reader()
        #expect(reader.statistics.liveDocs == 3)
        #expect((try reader.termInfo(.body, "old")?.docFreq ?? 0) == 0)
        #expect(try reader.termInfo(.body, "new")?.docFreq == 1)
        #expect((try reader.termInfo(.body, "goes")?.docFreq ?? 0) == 0)

        // Touching a file without changing it re-reads it but does not re-index it.
        try dir.write("docs/keep.txt", "stays the same")
        let fourth = try FolderIndexer(index: index).run(roots: [docs])
        #expect(fourth.unchanged == 3 && fourth.updated == 0)
    }

    @Test func jsonLinesIndexSkipsABadLineAndKeepsTheRest() throws {
        let dir = TemporaryDirectory("ingest")
        let file = try dir.write("docs.jsonl", """
            {"id": "1", "title": "One", "text": "first document"}
            {"id": "2", "title": "Two", "text": "second document"
            {"id": 3, "text": "third document"}
            not json at all
            {"id": "4", "title": "Four", "text": "fourth \\u00e9l\\u00e8ve"}

            """)
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        let report = try JSONLIndexer(index: index).run(path: file)
        #expect(report.added == 3)
        #expect(report.skipped.count == 2)
        #expect(report.skipped.contains { $0.source.hasSuffix(":2") })
        #expect(report.skipped.contains { $0.source.hasSuffix(":4") })
        #expect(try liveIds(index) == ["1", "3", "4"])

        // Re-running with one document changed and one gone.
        try dir.write("docs.jsonl", """
            {"id": "1", "title": "One", "text": "first document"}
            {"id": "4", "title": "Four", "text": "changed"}
            """)
        let again = try JSONLIndexer(index: index).run(path: file)
        #expect(again.unchanged == 1 && again.updated == 1 && again.removed == 1)
        #expect(try liveIds(index) == ["1", "4"])
    }
}

extension IngestTests {
    /// More lines than one group holds, with malformed lines and a repeated id among them: the
    /// documents take doc ids in file order, and a second run finds them all unchanged.
    @Test func jsonLinesAcrossManyGroupsKeepFileOrder() throws {
        let dir = TemporaryDirectory("ingest")
        var lines: [String] = []
        for i in 0..<5000 {
            lines.append(#"{"id": "d\#(i)", "title": "T\#(i)", "text": "word\#(i % 97) common text \#(i)"}"#)
            if i % 1000 == 999 { lines.append("{broken") }
        }
        lines.append(#"{"id": "d7", "title": "again", "text": "replaced"}"#)
        let file = try dir.write("docs.jsonl", lines.joined(separator: "\n"))
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        let report = try JSONLIndexer(index: index).run(path: file)
        #expect(report.added == 5000 && report.updated == 1)
        #expect(report.skipped.map(\.source) == (1...5).map { "\(file):\($0 * 1001)" })
        let reader = try index.reader()
        #expect(reader.statistics.liveDocs == 5000)
        #expect(try reader.docId(forId: "d0") == 0)
        #expect(try reader.docId(forId: "d4999") == 4999)
        #expect(try reader.docId(forId: "d7") == 5000)
        #expect(try reader.document(try #require(try reader.docId(forId: "d7")))?.title == "again")
        #expect(try reader.termInfo(.body, "common")?.docFreq == 4999)

        let again = try JSONLIndexer(index: index).run(path: file)
        #expect(again.unchanged == 4999 && again.updated == 2 && again.added == 0 && again.removed == 0)
    }

    /// A file that cannot be read fails the run with the reason, and commits nothing.
    @Test func jsonLinesReadErrorFailsTheRun() throws {
        let dir = TemporaryDirectory("ingest")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        #expect(throws: JSONLinesFileError.self) { try JSONLIndexer(index: index).run(path: dir.path) }
        #expect(throws: JSONLinesFileError.self) { try JSONLIndexer(index: index).run(path: dir.path + "/missing.jsonl") }
        #expect(try index.reader().statistics.liveDocs == 0)
    }
}

@Suite struct IdPrefixTests {
    @Test func anEmptyPrefixVisitsEveryDocument() throws {
        let dir = TemporaryDirectory("prefix")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        let writer = try IndexWriter(index: index)
        for id in ["a/1", "a/2", "b/1"] { try writer.add(DocumentInput(id: id, title: "", text: "x")) }
        try writer.commit()
        var all: [String] = [], underA: [String] = []
        try index.reader().forEachId(withPrefix: "") { id, _ in all.append(id) }
        try index.reader().forEachId(withPrefix: "a/") { id, _ in underA.append(id) }
        #expect(all == ["a/1", "a/2", "b/1"])
        #expect(underA == ["a/1", "a/2"])
    }
}
