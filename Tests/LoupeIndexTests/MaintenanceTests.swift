import Foundation
import LoupeStorage
import LoupeTestSupport
import Testing
@testable import LoupeIndex

@Suite struct MaintenanceTests {
    /// An index written in several commits, with replacements and deletions.
    func churnedIndex(_ dir: TemporaryDirectory) throws -> Index {
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.english))
        let writer = try IndexWriter(index: index)
        for round in 0..<3 {
            for i in 0..<300 {
                let words = (0..<(5 + i % 40)).map { "word\(($0 * 7 + i + round) % 90)" }.joined(separator: " ")
                try writer.add(DocumentInput(id: "doc\(i % 200)", title: "Title \(i)", text: "common \(words) round\(round)"))
            }
            try writer.commit()
        }
        for i in stride(from: 0, to: 200, by: 9) { writer.delete(id: "doc\(i)") }
        try writer.commit()
        return index
    }

    @Test func aSoundIndexChecksClean() throws {
        let dir = TemporaryDirectory("check")
        let index = try churnedIndex(dir)
        let report = try IndexChecker(index: index).check()
        #expect(report.problems == [])
        #expect(report.documents == 900)
        #expect(report.terms > 90)
    }

    @Test func damageIsReported() throws {
        let dir = TemporaryDirectory("check")
        let index = try churnedIndex(dir)
        // Damage a blocked postings chunk, and the statistics.
        try index.environment.write { txn in
            try txn.withCursor(index.tables.postings) { cursor in
                guard let entry = try cursor.first() else { return }
                var bytes = Array(entry.value)
                bytes[PostingsChunkFormatOffsets.firstSkipLastDoc] ^= 0x5A
                try txn.put(index.tables.postings, key: Array(entry.key), value: bytes)
            }
            var stats = try IndexStatistics(decoding: try #require(try txn.get(index.tables.meta, key: Array("stats".utf8))))
            stats.liveDocs += 3
            try txn.put(index.tables.meta, key: Array("stats".utf8), value: stats.encoded())
        }
        let report = try IndexChecker(index: index).check()
        #expect(!report.isSound)
        #expect(report.problems.contains { $0.contains("live documents") })
        #expect(report.problems.contains { $0.contains("chunk") || $0.contains("block") })
    }

    @Test func compactionDropsDeletedDocumentsAndKeepsResults() throws {
        let dir = TemporaryDirectory("compact")
        let index = try churnedIndex(dir)
        let before = try index.reader()
        #expect(before.statistics.deletedDocs > 0)
        let liveBefore = before.statistics.liveDocs
        let common = try #require(try before.termInfo(.body, "common"))
        #expect(try before.postingsChunks(common).count >= 3)
        let dfBefore = common.docFreq

        let summary = try Compactor(index: index).compact()
        #expect(summary.droppedDocuments > 0)
        #expect(summary.chunksAfter < summary.chunksBefore)

        let after = try index.reader()
        #expect(after.statistics.deletedDocs == 0)
        #expect(after.statistics.liveDocs == liveBefore)
        let compacted = try #require(try after.termInfo(.body, "common"))
        #expect(compacted.docFreq == dfBefore)
        #expect(try after.postingsChunks(compacted).count == 1)
        #expect(try after.postingsChunks(compacted).first?.docCount == Int(dfBefore))
        // Terms only deleted documents had are gone; replaced versions' terms too.
        #expect(try after.termInfo(.body, "round0") == nil)
        #expect(try IndexChecker(index: index).check().problems == [])
        // Every live document is still there with its text.
        var count = 0
        try after.forEachLiveDocument { _, _, text in
            count += 1
            #expect(text.hasPrefix("common"))
        }
        #expect(count == Int(liveBefore))
        // A compacted index takes new documents as before.
        let writer = try IndexWriter(index: index)
        try writer.add(DocumentInput(id: "new", title: "", text: "common fresh"))
        try writer.commit()
        #expect(try index.reader().termInfo(.body, "common")?.docFreq == dfBefore + 1)
        #expect(try IndexChecker(index: index).check().problems == [])
    }
}

/// Where the first skip entry's last doc sits in a blocked postings chunk.
enum PostingsChunkFormatOffsets {
    static let firstSkipLastDoc = 13
}
