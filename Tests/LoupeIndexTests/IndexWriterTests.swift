import Foundation
import LoupeAnalysis
import LoupeCodec
import LoupeTestSupport
import Testing
@testable import LoupeIndex

@Suite struct IndexWriterTests {
    func makeIndex(_ dir: TemporaryDirectory) throws -> Index {
        try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
    }

    /// The doc ids of a term's postings, across chunks.
    func postings(_ reader: IndexReader, _ term: String, _ field: IndexField = .body) throws -> [UInt32] {
        guard let info = try reader.termInfo(field, term) else { return [] }
        var out: [UInt32] = []
        var docs = [UInt32](repeating: 0, count: 128)
        for chunk in try reader.postingsChunks(info) {
            for block in 0..<chunk.blockCount {
                let n = docs.withUnsafeMutableBufferPointer { chunk.decode(block: block, docs: $0.baseAddress!, tfs: nil) }
                out += docs[0..<n]
            }
        }
        return out
    }

    @Test func committedDocumentsAreVisibleWithExactStatistics() throws {
        let dir = TemporaryDirectory("writer")
        let index = try makeIndex(dir)
        let writer = try IndexWriter(index: index)
        try writer.add(DocumentInput(id: "a", title: "Alpha", text: "the cat sat on the mat"))
        try writer.add(DocumentInput(id: "b", title: "Beta", text: "the dog"))
        // Not visible before the commit.
        #expect(try index.reader().statistics.liveDocs == 0)
        let summary = try writer.commit()
        #expect(summary.added == 2)
        let reader = try index.reader()
        #expect(reader.statistics.liveDocs == 2)
        #expect(reader.statistics.totalLengths[Int(IndexField.body.rawValue)] == 8)
        #expect(reader.statistics.averageLength(.body) == 4)
        let the = try #require(try reader.termInfo(.body, "the"))
        #expect(the.docFreq == 2 && the.totalTermFreq == 3)
        #expect(try postings(reader, "the") == [0, 1])
        #expect(try postings(reader, "alpha", .title) == [0])
        #expect(reader.length(.body, 0) == 6 && reader.length(.body, 1) == 2 && reader.length(.title, 1) == 1)
        #expect(try reader.document(1)?.id == "b")
        #expect(try reader.text(0) == "the cat sat on the mat")
        #expect(try reader.docId(forId: "b") == 1)
    }

    @Test func replacingADocumentTombstonesTheOldVersion() throws {
        let dir = TemporaryDirectory("writer")
        let index = try makeIndex(dir)
        let writer = try IndexWriter(index: index)
        try writer.add(DocumentInput(id: "a", title: "", text: "red green"))
        try writer.add(DocumentInput(id: "b", title: "", text: "green blue"))
        try writer.commit()
        try writer.add(DocumentInput(id: "a", title: "", text: "yellow"))
        let summary = try writer.commit()
        #expect(summary.added == 1 && summary.deleted == 1)
        let reader = try index.reader()
        #expect(reader.statistics.liveDocs == 2 && reader.statistics.deletedDocs == 1)
        #expect(reader.isDeleted(0) && !reader.isDeleted(1) && !reader.isDeleted(2))
        #expect(try reader.termInfo(.body, "red")?.docFreq == 0)
        #expect(try reader.termInfo(.body, "green")?.docFreq == 1)
        #expect(try reader.docId(forId: "a") == 2)
        #expect(reader.statistics.totalLengths[Int(IndexField.body.rawValue)] == 3)
    }

    @Test func deletingByIdRemovesFromStatistics() throws {
        let dir = TemporaryDirectory("writer")
        let index = try makeIndex(dir)
        let writer = try IndexWriter(index: index)
        try writer.add(DocumentInput(id: "x", title: "t", text: "one two"))
        try writer.add(DocumentInput(id: "y", title: "t", text: "two three"))
        try writer.commit()
        writer.delete(id: "x")
        writer.delete(id: "missing")
        #expect(try writer.commit().deleted == 1)
        let reader = try index.reader()
        #expect(reader.statistics.liveDocs == 1)
        #expect(try reader.docId(forId: "x") == nil)
        #expect(try reader.termInfo(.body, "one")?.docFreq == 0)
        #expect(try reader.termInfo(.title, "t")?.docFreq == 1)
    }

    @Test func duplicateIdsInOneBatchKeepTheLast() throws {
        let dir = TemporaryDirectory("writer")
        let index = try makeIndex(dir)
        let writer = try IndexWriter(index: index)
        try writer.add(DocumentInput(id: "same", title: "", text: "first"))
        try writer.add(DocumentInput(id: "same", title: "", text: "second"))
        try writer.commit()
        let reader = try index.reader()
        #expect(reader.statistics.liveDocs == 1)
        #expect(try reader.text(try #require(try reader.docId(forId: "same"))) == "second")
        #expect(try reader.termInfo(.body, "first")?.docFreq == 0)
    }

    /// A batch of additions puts its ids in key order (before a deletion queued after them); one
    /// with a deletion before an addition puts them in order: both replace as one by one would.
    @Test func idsOfABatchReplaceAsInBatchOrder() throws {
        let dir = TemporaryDirectory("writer")
        let index = try makeIndex(dir)
        let writer = try IndexWriter(index: index)
        for id in ["m", "a", "z", "q"] { try writer.add(DocumentInput(id: id, title: "", text: "old \(id)")) }
        try writer.commit()
        // Additions only, then a deletion: replaced (a, z), repeated in the batch (b, z), new (b, c), deleted (q).
        for (id, text) in [("z", "z1"), ("b", "b1"), ("a", "a1"), ("c", "c1"), ("b", "b2"), ("z", "z2"), ("z", "z3")] {
            try writer.add(DocumentInput(id: id, title: "", text: text))
        }
        writer.delete(id: "q")
        let summary = try writer.commit()
        #expect(summary.added == 7 && summary.deleted == 2 + 1 + 2 + 1)
        // A deletion before an addition of the same id: the later addition stands.
        writer.delete(id: "m")
        try writer.add(DocumentInput(id: "m", title: "", text: "m1"))
        try writer.add(DocumentInput(id: "c", title: "", text: "c2"))
        let second = try writer.commit()
        #expect(second.added == 2 && second.deleted == 2)
        let reader = try index.reader()
        var texts: [String: String] = [:]
        try reader.forEachId { id, doc in texts[id] = try reader.text(doc) }
        #expect(texts == ["a": "a1", "b": "b2", "c": "c2", "m": "m1", "z": "z3"])
        #expect(reader.statistics.liveDocs == 5 && reader.statistics.deletedDocs == 8)
        #expect(try reader.termInfo(.body, "old")?.docFreq == 0)
        #expect(try reader.termInfo(.body, "z3")?.docFreq == 1 && reader.termInfo(.body, "z1")?.docFreq == 0)
    }

    @Test func aSmallMemoryBudgetCommitsInBatchesAndAppendsChunks() throws {
        let dir = TemporaryDirectory("writer")
        let index = try makeIndex(dir)
        let writer = try IndexWriter(index: index, memoryBudget: 1)  // commit after every document
        for i in 0..<300 { try writer.add(DocumentInput(id: "d\(i)", title: "", text: "common word\(i % 7)")) }
        try writer.commit()
        let reader = try index.reader()
        #expect(reader.statistics.liveDocs == 300)
        let info = try #require(try reader.termInfo(.body, "common"))
        #expect(info.docFreq == 300)
        // The first commit inlined the chunk in the term entry; it moved out when the term grew.
        #expect(info.inline == nil)
        #expect(try reader.postingsChunks(info).count == 300)
        #expect(try postings(reader, "common") == (0..<300).map { UInt32($0) })
        #expect(try postings(reader, "word3") == stride(from: 3, to: 300, by: 7).map { UInt32($0) })
    }

    @Test func rolledBackBatchesLeaveNoTrace() throws {
        let dir = TemporaryDirectory("writer")
        let index = try makeIndex(dir)
        let writer = try IndexWriter(index: index)
        try writer.add(DocumentInput(id: "kept", title: "", text: "kept"))
        try writer.commit()
        try writer.add(DocumentInput(id: "dropped", title: "", text: "dropped"))
        writer.rollback()
        try writer.commit()
        let reader = try index.reader()
        #expect(reader.statistics.liveDocs == 1)
        #expect(try reader.termInfo(.body, "dropped") == nil)
    }

    @Test func writersOpenAtOnceTakeDocIdsWhenTheyCommit() throws {
        let dir = TemporaryDirectory("writer")
        let index = try makeIndex(dir)
        // Two writers (as two processes would have), their batches committed in turn, one of them
        // replacing a document of the other, then a compaction between a writer's add and commit.
        let first = try IndexWriter(index: index), second = try IndexWriter(index: index)
        for i in 0..<150 { try first.add(DocumentInput(id: "a\(i)", title: "", text: "shared alpha \(i)")) }
        for i in 0..<150 { try second.add(DocumentInput(id: "b\(i)", title: "", text: "shared beta \(i)")) }
        try second.add(DocumentInput(id: "a7", title: "", text: "shared replaced"))
        try first.commit()
        try second.commit()
        try first.add(DocumentInput(id: "c", title: "", text: "shared gamma"))
        try Compactor(index: index).compact()
        try first.commit()

        let reader = try index.reader()
        #expect(reader.statistics.liveDocs == 301)
        #expect(reader.statistics.nextDocId == 301)
        #expect(try reader.termInfo(.body, "shared")?.docFreq == 301)
        #expect(try postings(reader, "shared") == Array(0..<301))
        #expect(try reader.docId(forId: "c") == 300)
        #expect(try reader.text(#require(try reader.docId(forId: "a7"))) == "shared replaced")
        #expect(try reader.text(#require(try reader.docId(forId: "b149"))) == "shared beta 149")
        #expect(try IndexChecker(index: index).check().problems == [])
    }

    @Test func indexRemembersItsAnalyzerAndRefusesAnother() throws {
        let dir = TemporaryDirectory("writer")
        _ = try Index.openOrCreate(at: dir.path + "/i", analyzer: .preset(.simple))
        #expect(try Index.open(at: dir.path + "/i").analyzerSettings == .preset(.simple))
        #expect(throws: IndexError.self) { try Index.openOrCreate(at: dir.path + "/i", analyzer: .preset(.english)) }
        #expect(throws: IndexError.self) { try Index.open(at: dir.path + "/nothing-here") }
    }

    @Test func rareTermsLiveInlineInTheDictionary() throws {
        let dir = TemporaryDirectory("writer")
        let index = try makeIndex(dir)
        let writer = try IndexWriter(index: index)
        try writer.add(DocumentInput(id: "a", title: "", text: "unique words here"))
        try writer.commit()
        let reader = try index.reader()
        let info = try #require(try reader.termInfo(.body, "unique"))
        #expect(info.inline != nil)
        #expect(try reader.tableStatistics().first { $0.name == "postings" }?.statistics.entries == 0)
        #expect(try postings(reader, "unique") == [0])
    }

    @Test func everyPositionIsStored() throws {
        let dir = TemporaryDirectory("writer")
        let index = try makeIndex(dir)
        let writer = try IndexWriter(index: index)
        try writer.add(DocumentInput(id: "p", title: "", text: "a b a c a"))
        try writer.commit()
        let reader = try index.reader()
        let info = try #require(try reader.termInfo(.body, "a"))
        let chunk = try #require(try reader.postingsChunks(info).first)
        let positions = try #require(try reader.positionsChunk(info, lastDoc: chunk.lastDoc))
        var decoder = PositionsDecoder()
        decoder.load(positions, block: 0)
        var out = [UInt32](repeating: 0, count: 3)
        out.withUnsafeMutableBufferPointer { decoder.positions(from: 0, count: 3, into: $0.baseAddress!) }
        #expect(out == [0, 2, 4])
    }
}
