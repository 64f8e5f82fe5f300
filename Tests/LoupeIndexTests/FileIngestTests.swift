import Foundation
import LoupeExtract
import LoupeTestSupport
import Testing
@testable import LoupeIndex

/// Folder indexing as a user meets it: symbolic links, each real file once, every file a
/// document, the problem ledger and its retry rules, multipart files, parallel extraction.
@Suite struct FileIngestTests {
    func liveIds(_ index: Index) throws -> [String] {
        var ids: [String] = []
        try index.reader().forEachId { id, _ in ids.append(id) }
        return ids
    }

    func newIndex(_ dir: TemporaryDirectory, _ name: String = "index") throws -> Index {
        try Index.openOrCreate(at: dir.path + "/" + name, analyzer: .preset(.simple))
    }

    static let binary: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13, 0xFF, 0xFE] + [UInt8](repeating: 0, count: 64)

    @Test func linksAreLeftAloneByDefaultAndFollowedOnRequest() throws {
        let dir = TemporaryDirectory("ingest")
        let docs = dir.path + "/docs"
        try dir.write("docs/real/a.txt", "alpha words")
        try FileManager.default.createSymbolicLink(atPath: docs + "/link-file", withDestinationPath: "real/a.txt")
        try FileManager.default.createSymbolicLink(atPath: docs + "/link-folder", withDestinationPath: "real")
        try FileManager.default.createSymbolicLink(atPath: docs + "/real/loop", withDestinationPath: "..")
        let index = try newIndex(dir)

        let plain = try FolderIndexer(index: index).run(roots: [docs])
        #expect(try liveIds(index) == ["real/a.txt"])
        #expect(plain.linksLeftAlone == 3 && plain.duplicatePaths == 0 && plain.problems == 0 && plain.skipped.isEmpty)

        var following = IndexingOptions()
        following.followSymlinks = true
        let followed = try FolderIndexer(index: index, options: following).run(roots: [docs])
        // One real file: indexed once, under the first path in walk order.
        #expect(try liveIds(index) == ["link-file"])
        #expect(followed.duplicatePaths == 2 && followed.linksLeftAlone == 0)
        #expect(followed.added == 1 && followed.removed == 1)
        // The cycle, reached through the folder and through the link to it, is a walk-level problem.
        #expect(followed.skipped.map(\.reason) == ["symbolic link loop", "symbolic link loop"])
        let loops = try index.reader().problems()
        #expect(loops.map(\.path) == [docs + "/link-folder/loop", docs + "/real/loop"])
        #expect(loops.map(\.id) == ["link-folder/loop", "real/loop"])
        #expect(loops.allSatisfy { $0.extractor == FileProblem.walkExtractor && $0.reason == "symbolic link loop" })

        // Back to the default: the link's document and the loop's problem go.
        let again = try FolderIndexer(index: index).run(roots: [docs])
        #expect(try liveIds(index) == ["real/a.txt"])
        #expect(again.problems == 0)
        #expect(try index.reader().problems().isEmpty)
    }

    @Test func pathIndexingNamesLinkedFilesAsAFullRunDoes() throws {
        let dir = TemporaryDirectory("ingest")
        let docs = dir.path + "/docs"
        try dir.write("docs/real/inside.txt", "inside words")
        try FileManager.default.createSymbolicLink(atPath: docs + "/alias", withDestinationPath: "real")
        let index = try newIndex(dir)
        let roots = FolderRoots([docs])
        let report = try PathIndexer(index: index, roots: roots).run([
            RootedPath(root: 0, relativePath: "alias"), RootedPath(root: 0, relativePath: "alias/inside.txt"),
            RootedPath(root: 0, relativePath: "real/inside.txt"),
        ])
        #expect(try liveIds(index) == ["real/inside.txt"])
        #expect(report.linksLeftAlone == 1)

        var following = IndexingOptions()
        following.followSymlinks = true
        let other = try newIndex(dir, "other")
        _ = try PathIndexer(index: other, roots: roots, options: following).run([RootedPath(root: 0, relativePath: "alias/inside.txt")])
        #expect(try liveIds(other) == ["alias/inside.txt"])
    }

    @Test func aBinaryFileIsADocumentOfItsNameWithAProblem() throws {
        let dir = TemporaryDirectory("ingest")
        let docs = dir.path + "/docs"
        try dir.write("docs/quarterly_report.PNG", Self.binary)
        try dir.write("docs/notes.txt", "plain notes")
        let index = try newIndex(dir)
        let report = try FolderIndexer(index: index).run(roots: [docs])
        #expect(report.added == 2 && report.problems == 1 && report.skipped.isEmpty)
        let reader = try index.reader()
        let doc = try #require(try reader.docId(forId: "quarterly_report.PNG"))
        #expect(try reader.document(doc)?.title == "quarterly_report.PNG")
        #expect(try reader.text(doc) == "")
        // Its name's words are searchable, in the title and in the path.
        for field in [IndexField.title, .path] {
            #expect(try reader.termInfo(field, "quarterly")?.docFreq == 1)
            #expect(try reader.termInfo(field, "report")?.docFreq == 1)
        }
        let problem = try #require(try reader.problems().first)
        #expect(problem.path == docs + "/quarterly_report.PNG" && problem.id == "quarterly_report.PNG")
        #expect(problem.reason == "binary content" && problem.extractor == "text" && problem.extractorVersion == Extractor.text.version)
        #expect(problem.missingProgram == nil && problem.size == UInt64(Self.binary.count) && problem.mtimeNanoseconds > 0)
        #expect(try reader.problemCount == 1)
    }

    @Test func aFileOverTheSizeLimitIsADocumentOfItsNameWithAProblem() throws {
        let dir = TemporaryDirectory("ingest")
        try dir.write("docs/huge.log", String(repeating: "word ", count: 1000))
        let index = try newIndex(dir)
        var options = IndexingOptions()
        options.maxFileSize = 1000
        let report = try FolderIndexer(index: index, options: options).run(roots: [dir.path + "/docs"])
        #expect(report.added == 1 && report.problems == 1)
        #expect(try index.reader().problems().first?.reason == "too large (5000 bytes)")
        #expect(try index.reader().termInfo(.title, "huge")?.docFreq == 1)
    }

    @Test func problemsAreRetriedWhenTheFileOrItsExtractorChanges() throws {
        let dir = TemporaryDirectory("ingest")
        let docs = dir.path + "/docs"
        let file = try dir.write("docs/data.bin", Self.binary)
        let index = try newIndex(dir)
        #expect(try FolderIndexer(index: index).run(roots: [docs]).problems == 1)

        // Nothing changed: left alone.
        let same = try FolderIndexer(index: index).run(roots: [docs])
        #expect(same.unchanged == 1 && same.retried == 0 && same.problems == 1)

        // A newer text extractor: retried, and the entry records the new version.
        var newer = IndexingOptions()
        newer.extractorVersion = { $0 == .text ? $0.version + 1 : $0.version }
        let retried = try FolderIndexer(index: index, options: newer).run(roots: [docs])
        #expect(retried.retried == 1 && retried.problems == 1)
        #expect(try index.reader().problems().first?.extractorVersion == Extractor.text.version + 1)
        #expect(try FolderIndexer(index: index, options: newer).run(roots: [docs]).retried == 0)

        // The file changed, still binary: read again, the entry follows its size.
        try Data(Self.binary + [1, 2, 3]).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: file)
        let changed = try FolderIndexer(index: index, options: newer).run(roots: [docs])
        #expect(changed.problems == 1 && changed.unchanged == 1)
        #expect(try index.reader().problems().first?.size == UInt64(Self.binary.count + 3))

        // It now reads fine: it leaves the ledger and its text is indexed.
        try "finally readable".write(toFile: file, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 120)], ofItemAtPath: file)
        let fixed = try FolderIndexer(index: index, options: newer).run(roots: [docs])
        #expect(fixed.updated == 1 && fixed.problems == 0)
        #expect(try index.reader().problems().isEmpty)
        #expect(try index.reader().termInfo(.body, "readable")?.docFreq == 1)
    }

    @Test func aFileIsRetriedOnceTheHelperProgramItMissedAppears() throws {
        let dir = TemporaryDirectory("ingest")
        let docs = dir.path + "/docs"
        try dir.write("docs/manual.pdf", "%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
        try dir.write("docs/notes.txt", "plain notes")
        // A search path without pdftotext: the PDF is recorded, everything else is indexed.
        let bin = dir.path + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        var options = IndexingOptions()
        options.extraction.searchPath = [bin]
        let index = try newIndex(dir)
        let first = try FolderIndexer(index: index, options: options).run(roots: [docs])
        #expect(first.added == 2 && first.problems == 1)
        let missing = try #require(try index.reader().problems().first)
        #expect(missing.extractor == "pdf" && missing.missingProgram == "pdftotext")

        let still = try FolderIndexer(index: index, options: options).run(roots: [docs])
        #expect(still.retried == 0 && still.unchanged == 2)

        // The helper appears (here one that prints nothing): the PDF is read again.
        let helper = bin + "/pdftotext"
        try "#!/bin/sh\nexit 0\n".write(toFile: helper, atomically: false, encoding: .utf8)
        #expect(chmod(helper, 0o755) == 0)
        let back = try FolderIndexer(index: index, options: options).run(roots: [docs])
        #expect(back.retried == 1)
        let now = try #require(try index.reader().problems().first)
        #expect(now.extractor == "pdf" && now.missingProgram == nil)
        #expect(try FolderIndexer(index: index, options: options).run(roots: [docs]).retried == 0)
    }

    @Test func walkProblemsAreRecordedAndClearedWhenGone() throws {
        let dir = TemporaryDirectory("ingest")
        let docs = dir.path + "/docs"
        try dir.write("docs/a.txt", "a")
        #expect(mkfifo(docs + "/pipe", 0o644) == 0)
        let index = try newIndex(dir)
        let report = try FolderIndexer(index: index).run(roots: [docs])
        #expect(report.problems == 1)
        #expect(try liveIds(index) == ["a.txt"])
        #expect(try index.reader().problems().map(\.reason) == ["not a regular file"])
        try FileManager.default.removeItem(atPath: docs + "/pipe")
        #expect(try FolderIndexer(index: index).run(roots: [docs]).problems == 0)
        #expect(try index.reader().problemCount == 0)
    }

    @Test func aMultipartFileReplacesAllItsPartsAndDropsThoseThatDisappeared() throws {
        let dir = TemporaryDirectory("ingest")
        let docs = dir.path + "/docs"
        let file = try dir.write("docs/inbox.mbox", "3")
        // A stand-in for an mbox reader: the file holds its number of messages.
        var options = IndexingOptions()
        options.extractFile = { path in
            let count = Int((try? String(contentsOfFile: path, encoding: .utf8)) ?? "") ?? 0
            let messages = (1...max(count, 1)).map { ExtractedDocument(title: "message \($0) of \(count)", text: "body \($0)", date: 1_000 * Int64($0)) }
            return FileExtraction(type: .email, extractor: .email, documents: messages, isMultipart: true)
        }
        let index = try newIndex(dir)
        let first = try FolderIndexer(index: index, options: options).run(roots: [docs])
        #expect(first.added == 3)
        #expect(try liveIds(index) == ["inbox.mbox#1", "inbox.mbox#2", "inbox.mbox#3"])
        #expect(try FolderIndexer(index: index, options: options).run(roots: [docs]).unchanged == 3)

        try "2".write(toFile: file, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: file)
        let second = try FolderIndexer(index: index, options: options).run(roots: [docs])
        #expect(second.updated == 2 && second.removed == 1)
        #expect(try liveIds(index) == ["inbox.mbox#1", "inbox.mbox#2"])
        let reader = try index.reader()
        #expect(try reader.document(try #require(try reader.docId(forId: "inbox.mbox#2")))?.title == "message 2 of 2")

        // The path indexer (the watcher's) treats the parts the same way.
        try "1".write(toFile: file, atomically: false, encoding: .utf8)
        let third = try PathIndexer(index: index, roots: FolderRoots([docs]), options: options)
            .run([RootedPath(root: 0, relativePath: "inbox.mbox")])
        #expect(third.updated == 1 && third.removed == 1)
        #expect(try liveIds(index) == ["inbox.mbox#1"])

        try FileManager.default.removeItem(atPath: file)
        #expect(try FolderIndexer(index: index, options: options).run(roots: [docs]).removed == 1)
        #expect(try liveIds(index).isEmpty)
    }

    @Test func parallelExtractionBuildsTheSameIndexAsSerial() throws {
        let dir = TemporaryDirectory("ingest")
        let docs = dir.path + "/docs"
        var random = SeededGenerator(seed: 42)
        let words = ["amber", "basalt", "cobalt", "dune", "ember", "flint", "garnet", "heath", "iris", "jade"]
        for n in 0..<400 {
            let text = (0..<Int.random(in: 1...40, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
            let name = "d\(n % 7)/f\(n)." + ["txt", "md", "html", "bin"].randomElement(using: &random)!
            if name.hasSuffix(".bin") { try dir.write("docs/" + name, Self.binary) } else { try dir.write("docs/" + name, text) }
        }
        func build(threads: Int, _ name: String) throws -> [String] {
            var options = IndexingOptions()
            options.extractionThreads = threads
            let index = try newIndex(dir, name)
            _ = try FolderIndexer(index: index, options: options).run(roots: [docs])
            var rows: [String] = []
            let reader = try index.reader()
            try reader.forEachLiveDocument { doc, record, text in rows.append("\(doc) \(record.id) \(record.title) \(record.contentHash) \(text)") }
            rows += try reader.problems().map { "\($0.path) \($0.reason)" }
            rows.append("\(reader.statistics.liveDocs) \(reader.statistics.totalLengths) \(reader.statistics.nextTermId)")
            return rows
        }
        let serial = try build(threads: 1, "serial")
        #expect(serial.count > 400)
        #expect(try build(threads: 4, "parallel") == serial)
    }
}
