import Foundation
import LoupeTestSupport
import Testing
@testable import LoupeIndex

/// The content hash a record keeps (``ContentHash``): its values never change, since indexes keep
/// them, and the FNV-1a values of records written before XXH3 are still recognised, so an index
/// written then finds its unchanged documents unchanged.
@Suite struct ContentHashTests {
    @Test func theValuesRecordsKeepStayFixed() {
        #expect(ContentHash.of(title: "", text: "") == 0x412F_1275_E100_17F3)
        #expect(ContentHash.of(title: "Title", text: "Some text, with a line\nand é.") == 0xC524_60B2_EBCC_C5B2)
        #expect(ContentHash.fnv1a(title: "", text: "") == 0x0832_8807_B4EB_6FED)
        #expect(ContentHash.fnv1a(title: "Title", text: "Some text, with a line\nand é.") == 0x63ED_86F4_1ED7_500C)
    }

    @Test func aHashMatchesItsOwnTitleAndTextOnly() {
        let samples = [("", ""), ("a", "bc"), ("ab", "c"), ("", "abc"), ("abc", ""), ("T", String(repeating: "long text ", count: 500))]
        for (title, text) in samples {
            #expect(ContentHash.matches(ContentHash.of(title: title, text: text), title: title, text: text))
            #expect(ContentHash.matches(ContentHash.fnv1a(title: title, text: text), title: title, text: text))
            for (otherTitle, otherText) in samples where (otherTitle, otherText) != (title, text) {
                #expect(!ContentHash.matches(ContentHash.of(title: title, text: text), title: otherTitle, text: otherText))
                #expect(!ContentHash.matches(ContentHash.fnv1a(title: title, text: text), title: otherTitle, text: otherText))
            }
        }
    }

    /// Rewrites every live document's record to hold the FNV-1a hash of its title and the text
    /// `texts` gives for its id (its stored text when nil), as Loupe wrote records before XXH3.
    static func rewriteWithEarlierHashes(_ index: Index, texts: [String: String] = [:]) throws {
        var earlier: [(doc: UInt32, record: DocumentRecord)] = []
        try index.reader().forEachLiveDocument { doc, record, stored in
            var record = record
            record.contentHash = ContentHash.fnv1a(title: record.title, text: texts[record.id] ?? stored)
            earlier.append((doc, record))
        }
        try index.environment.write { txn in
            for (doc, record) in earlier {
                let key = RecordGroup.key(of: doc)
                let stored = try #require(try txn.get(index.tables.records, key: key))
                var group = try RecordGroup(decoding: stored)
                group.replace(at: RecordGroup.slot(of: doc), with: record)
                try txn.put(index.tables.records, key: key, value: group.encoded())
            }
        }
    }

    @Test func aJSONLinesIndexWrittenWithEarlierHashesFindsItsUnchangedLinesUnchanged() throws {
        let dir = TemporaryDirectory("content-hash")
        let lines = (0..<3).map { (id: "d\($0)", title: "Title \($0)", text: "text of document \($0)") }
        func write(_ lines: [(id: String, title: String, text: String)]) throws -> String {
            try dir.write("docs.jsonl", lines.map { #"{"id": "\#($0.id)", "title": "\#($0.title)", "text": "\#($0.text)"}"# }.joined(separator: "\n"))
        }
        let file = try write(lines)
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        #expect(try JSONLIndexer(index: index).run(path: file).added == 3)
        try Self.rewriteWithEarlierHashes(index, texts: Dictionary(uniqueKeysWithValues: lines.map { ($0.id, $0.text) }))

        let again = try JSONLIndexer(index: index).run(path: file)
        #expect(again.unchanged == 3 && again.updated == 0 && again.added == 0)

        var changed = lines
        changed[1].text = "a new text"
        _ = try write(changed)
        let third = try JSONLIndexer(index: index).run(path: file)
        #expect(third.unchanged == 2 && third.updated == 1)
        // The changed document's record now holds the hash of today.
        let reader = try index.reader()
        let doc = try #require(try reader.docId(forId: "d1"))
        let record = try #require(try reader.document(doc))
        #expect(record.contentHash == ContentHash.of(title: "Title 1", text: "a new text"))
    }

    @Test func aFolderIndexWrittenWithEarlierHashesFindsATouchedFileUnchanged() throws {
        let dir = TemporaryDirectory("content-hash")
        let docs = dir.path + "/docs"
        try dir.write("docs/a.txt", "First title\nfirst body")
        try dir.write("docs/b.txt", "Second title\nsecond body")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        #expect(try FolderIndexer(index: index).run(roots: [docs]).added == 2)
        try Self.rewriteWithEarlierHashes(index)

        // Rewritten with the same content: a new mtime, so the file is read again and its hash compared.
        try dir.write("docs/a.txt", "First title\nfirst body")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: docs + "/a.txt")
        let again = try FolderIndexer(index: index).run(roots: [docs])
        #expect(again.unchanged == 2 && again.updated == 0)

        try dir.write("docs/b.txt", "Second title\nanother body")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 120)], ofItemAtPath: docs + "/b.txt")
        let third = try FolderIndexer(index: index).run(roots: [docs])
        #expect(third.unchanged == 1 && third.updated == 1)
    }
}
