import Foundation
import LoupeTestSupport
import Testing
@testable import LoupeIndex

/// The words of a file's name count like title words.
@Suite struct TitleFieldTextTests {
    @Test func namesSplitOnSeparatorsAndCaseChanges() {
        #expect(TitleFieldText.nameWords("asyncio-eventloop.rst.txt") == "asyncio eventloop rst txt")
        #expect(TitleFieldText.nameWords("EventLoop_HTMLParser.md5Sum") == "Event Loop HTML Parser md5 Sum")
        #expect(TitleFieldText.of(title: "Event Loop", id: "library/asyncio-eventloop.rst.txt", source: "/doc/library/asyncio-eventloop.rst.txt")
            == "Event Loop\nasyncio eventloop rst txt")
        #expect(TitleFieldText.of(title: "T", id: "library/x-y", source: "jsonl:/data/docs.jsonl") == "T",
                "JSON-lines ids are keys, not names")
    }

    @Test func aFileIsFoundByTheWordsOfItsNameAndItsDeletionKeepsTheStatisticsExact() throws {
        let dir = TemporaryDirectory("title-names")
        try dir.write("docs/asyncio-eventloop.rst.txt", ".. currentmodule:: asyncio\n\nEvent Loop\n==========\n\nThe loop runs tasks.\n")
        try dir.write("docs/other.txt", "Nothing about it.\n")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        _ = try FolderIndexer(index: index).run(roots: [dir.path + "/docs"])
        let reader = try index.reader()
        #expect(try reader.termInfo(.title, "eventloop")?.docFreq == 1)
        #expect(try reader.termInfo(.title, "asyncio")?.docFreq == 1)
        #expect(try reader.termInfo(.body, "eventloop") == nil)
        #expect(try reader.document(try #require(try reader.docId(forId: "asyncio-eventloop.rst.txt")))?.title == "Event Loop")

        try FileManager.default.removeItem(atPath: dir.path + "/docs/asyncio-eventloop.rst.txt")
        _ = try FolderIndexer(index: index).run(roots: [dir.path + "/docs"])
        #expect(try index.reader().termInfo(.title, "eventloop")?.docFreq ?? 0 == 0)
        #expect(try IndexChecker(index: index).check().problems == [])
    }
}
