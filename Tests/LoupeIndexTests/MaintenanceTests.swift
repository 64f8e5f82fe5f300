import Foundation
import LoupeCodec
import LoupeExtract
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
                let metadata = DocumentMetadata(
                    type: [.pdf, .txt, .email, .other][(i + round) % 4], ext: ["pdf", "txt", "", "gz", "md"][i % 5],
                    modified: 1_600_000_000 + Int64(i * 86_400 + round), fields: i % 3 == 0 ? [DocumentField(name: "from", value: "x\(i)")] : [])
                try writer.add(DocumentInput(
                    id: "doc\(i % 200)", title: "Title \(i)", text: "common \(words) round\(round)", size: UInt64(i * 1000),
                    metadata: metadata))
            }
            try writer.commit()
        }
        for i in stride(from: 0, to: 200, by: 9) { writer.delete(id: "doc\(i)") }
        writer.touch(id: "doc1", mtimeNanoseconds: 1_700_000_000_123_000_000, size: 77)
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

    @Test func damagedPositionsAreReportedAndNotCompacted() throws {
        let dir = TemporaryDirectory("check")
        let index = try churnedIndex(dir)
        // Widen a bit-packed group of a blocked positions chunk past 32 bits.
        var damaged = false
        try index.environment.write { txn in
            try txn.withCursor(index.tables.positions) { cursor in
                var entry = try cursor.first()
                while let e = entry, !damaged {
                    var bytes = Array(e.value)
                    let blockCount = bytes[0] == 0 ? Int(bytes[1]) : 0
                    let start = 5 + 4 * blockCount
                    if blockCount > 0, bytes[start] > 0, bytes[start] < 0x80 {
                        bytes[start + 1] = 40
                        try txn.put(index.tables.positions, key: Array(e.key), value: bytes)
                        damaged = true
                    }
                    entry = try cursor.next()
                }
            }
        }
        #expect(damaged)
        let report = try IndexChecker(index: index).check()
        #expect(report.problems.contains { $0.contains("positions block 0 has a group of 40 bits") })
        let before = try index.reader().statistics
        #expect(throws: IndexError.self) { try Compactor(index: index).compact() }
        // Nothing was lost: the failed compaction left the index as it was.
        let after = try index.reader().statistics
        #expect(after.liveDocs == before.liveDocs && after.nextDocId == before.nextDocId)
    }

    @Test func aMissingRecordIsReported() throws {
        let dir = TemporaryDirectory("check")
        let index = try churnedIndex(dir)
        let doc = try #require(try index.reader().docId(forId: "doc5"))
        try index.environment.write { txn in _ = try txn.delete(index.tables.records, key: RecordGroup.key(of: doc)) }
        let problems = try IndexChecker(index: index).check().problems
        #expect(problems.contains("document \(doc) has a text but no record"))
        #expect(problems.contains { $0.hasPrefix("records holds") })
    }

    @Test(arguments: [UInt8(1), 2])
    func anIndexOfAnotherFormatVersionIsRefusedWithAClearError(version: UInt8) throws {
        let dir = TemporaryDirectory("check")
        // Marked as written by an older format version (2 had no labels or columns); the index is
        // closed when the closure returns.
        let path: String = try {
            let index = try churnedIndex(dir)
            try index.environment.write { txn in
                try txn.put(index.tables.meta, key: Array("format".utf8), value: [version, 0, 0, 0])
            }
            #expect(try IndexChecker(index: index).check().problems.contains("format version \(version), expected \(IndexFormat.version)"))
            return index.path
        }()
        #expect {
            _ = try Index.open(at: path)
        } throws: { error in
            "\(error)".contains("index format version \(version) is not supported") && "\(error)".contains("rebuild the index")
        }
    }

    @Test func metadataIsStoredInLabelsColumnsAndRecords() throws {
        let dir = TemporaryDirectory("metadata")
        let index = try churnedIndex(dir)
        let reader = try index.reader()
        let doc1 = try #require(try reader.docId(forId: "doc1"))
        let record = try #require(try reader.document(doc1))
        // doc1 was last written in round 2 as i = 201, then touched.
        #expect(record.metadata.type == .other && record.metadata.ext == "txt")
        #expect(record.metadata.modified == 1_700_000_000 && record.size == 77)
        #expect(record.metadata.fields == [DocumentField(name: "from", value: "x201")])
        #expect(reader.values(.modified).value(doc1) == 1_700_000_000 && reader.values(.size).value(doc1) == 77)
        #expect(try reader.documents(with: DocumentLabel(.type, "other")).contains(doc1))
        #expect(try !reader.documents(with: DocumentLabel(.type, "pdf")).contains(doc1))
        #expect(try reader.documents(with: DocumentLabel(.ext, "txt")).first(atOrAfter: doc1) == doc1)
        #expect(try reader.documents(with: DocumentLabel(.ext, "zip")).first(atOrAfter: 0) == nil)
        #expect(try reader.labels(.ext).map(\.value) == ["", "gz", "md", "pdf", "txt"])
        #expect(try reader.labels(.type).map(\.value) == ["email", "other", "pdf", "txt"])
        // A long or NUL-holding extension is stored as none.
        let writer = try IndexWriter(index: index)
        try writer.add(DocumentInput(id: "long", title: "", text: "x", metadata: DocumentMetadata(ext: String(repeating: "e", count: 65))))
        try writer.add(DocumentInput(id: "upper", title: "", text: "x", metadata: DocumentMetadata(ext: "TXT")))
        try writer.commit()
        let after = try index.reader()
        #expect(try after.document(try #require(try after.docId(forId: "long")))?.metadata.ext == "")
        #expect(try after.document(try #require(try after.docId(forId: "upper")))?.metadata.ext == "txt")
        #expect(try IndexChecker(index: index).check().problems == [])
    }

    @Test func normsHoldOneByteCodesOfTheRecordsLengths() throws {
        let dir = TemporaryDirectory("check")
        let index = try churnedIndex(dir)
        let reader = try index.reader()
        var quantized = 0
        try reader.forEachId { _, doc in
            let record = try #require(try reader.document(doc))
            for field in IndexField.allCases {
                let exact = record.length(field)
                #expect(reader.lengths(field).norm(doc) == FieldNorm.encode(exact))
                #expect(reader.length(field, doc) == FieldNorm.decode(FieldNorm.encode(exact)))
                if reader.length(field, doc) != exact { quantized += 1 }
            }
        }
        // Bodies run to 47 tokens: some lengths are past the exact range.
        #expect(quantized > 0)
        // Keys and values alternate: every page is 4096 one-byte codes.
        let entries = try tableContents(reader, \.norms)
        let pages = stride(from: 1, to: entries.count, by: 2).map { entries[$0] }
        #expect(pages.count == IndexField.allCases.count && pages.allSatisfy { $0.count == IndexFormat.normsPageSize })
    }

    @Test func damagedNormsAreReported() throws {
        let dir = TemporaryDirectory("check")
        let index = try churnedIndex(dir)
        let reader = try index.reader()
        let doc = try #require(try reader.docId(forId: "doc5"))
        let length = try #require(try reader.document(doc)).length(.body)
        try index.environment.write { txn in
            // A wrong code for doc5's body, a truncated title page, a code past the next doc id and a stray page.
            let bodyKey = IndexFormat.normsKey(.body, page: doc >> IndexFormat.normsShift)
            var page = Array(try #require(try txn.get(index.tables.norms, key: bodyKey)))
            page[Int(doc) & (IndexFormat.normsPageSize - 1)] = FieldNorm.encode(length) &+ 1
            page[IndexFormat.normsPageSize - 1] = 7
            try txn.put(index.tables.norms, key: bodyKey, value: page)
            let titleKey = IndexFormat.normsKey(.title, page: 0)
            try txn.put(index.tables.norms, key: titleKey, value: [UInt8](repeating: 1, count: 4095))
            try txn.put(index.tables.norms, key: IndexFormat.normsKey(.path, page: 9), value: [UInt8](repeating: 0, count: 4096))
        }
        // Every title code mismatches now: room for all the problems.
        let problems = try IndexChecker(index: index).check(limit: 10_000).problems
        #expect(problems.contains { $0.hasPrefix("document \(doc): body length \(length)") && $0.contains("norms hold code \(FieldNorm.encode(length) &+ 1)") })
        #expect(problems.contains("norms: title page 0 holds 4095 bytes, not 4096 (one length code per document)"))
        #expect(problems.contains { $0.hasPrefix("norms: body code 7 for doc 4095, beyond the next doc id") })
        #expect(problems.contains { $0.hasPrefix("norms: path page 9 lies beyond the next doc id") })
        // The reader never reads past the truncated page: it scores those documents as empty-titled.
        #expect(try index.reader().length(.title, 0) == 0)
    }

    @Test func damagedMetadataIsReported() throws {
        let dir = TemporaryDirectory("check")
        let index = try churnedIndex(dir)
        let doc = try #require(try index.reader().docId(forId: "doc5"))
        try index.environment.write { txn in
            let key = IndexFormat.columnKey(.size, page: doc >> ColumnPage.shift)
            var page = Array(try #require(try txn.get(index.tables.columns, key: key)))
            ColumnPage.store(123_456, for: doc, in: &page)
            try txn.put(index.tables.columns, key: key, value: page)
            let labelKey = IndexFormat.labelKey(DocumentLabel(.type, "epub"), page: 0)
            var bitmap = LabelPage.empty()
            LabelPage.set(3, in: &bitmap)
            try txn.put(index.tables.labels, key: labelKey, value: bitmap)
        }
        let problems = try IndexChecker(index: index).check().problems
        #expect(problems.contains { $0.hasPrefix("document \(doc): size") && $0.contains("123456") })
        #expect(problems.contains { $0.hasPrefix("labels: type:epub") })
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

    @Test func compactionLaysTheIndexOutAsAFreshBuildWould() throws {
        let dir = TemporaryDirectory("compact")
        let churned = try churnedIndex(dir)
        // The same live documents, indexed afresh in external-id order in one commit.
        let fresh = try Index.openOrCreate(at: dir.path + "/fresh", analyzer: .preset(.english))
        let writer = try IndexWriter(index: fresh)
        let before = try churned.reader()
        try before.forEachId { id, doc in
            let record = try #require(try before.document(doc))
            try writer.add(DocumentInput(
                id: id, title: record.title, text: try #require(try before.text(doc)), source: record.source,
                mtimeNanoseconds: record.mtimeNanoseconds, size: record.size, metadata: record.metadata))
        }
        try writer.commit()

        let summary = try Compactor(index: churned).compact()
        #expect(summary.documents == Int(before.statistics.liveDocs))
        let compacted = try churned.reader(), reference = try fresh.reader()
        #expect(compacted.statistics.nextDocId == compacted.statistics.liveDocs)
        #expect(compacted.statistics.liveDocs == reference.statistics.liveDocs)
        #expect(compacted.statistics.totalLengths == reference.statistics.totalLengths)
        #expect(compacted.statistics.nextTermId == UInt32(summary.terms))
        // Same doc ids for the same documents, same records and texts, same lengths.
        var ids: [String: UInt32] = [:]
        try reference.forEachId { id, doc in ids[id] = doc }
        var seen = 0
        try compacted.forEachId { id, doc in
            seen += 1
            #expect(ids[id] == doc)
            let record = try compacted.document(doc), referenceRecord = try reference.document(doc)
            #expect(record != nil && record == referenceRecord)
            let text = try compacted.text(doc), referenceText = try reference.text(doc)
            #expect(text != nil && text == referenceText)
            for field in IndexField.allCases { #expect(compacted.length(field, doc) == reference.length(field, doc)) }
        }
        #expect(seen == ids.count)
        // Every term's postings and positions, byte for byte (term ids aside).
        let terms = try termContents(compacted)
        #expect(terms.count == summary.terms)
        let referenceTerms = try termContents(reference)
        #expect(terms == referenceTerms)
        // The labels and the columns, byte for byte.
        for table in [\Index.Tables.labels, \.columns, \.norms] {
            #expect(try tableContents(compacted, table) == tableContents(reference, table), "\(table)")
        }
        #expect(try !tableContents(compacted, \.labels).isEmpty)
        #expect(try IndexChecker(index: churned).check().problems == [])
    }

    @Test func compactingAnIndexWhoseDocumentsWereAllDeletedLeavesAnEmptyUsableIndex() throws {
        let dir = TemporaryDirectory("compact")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        let writer = try IndexWriter(index: index)
        for i in 0..<300 { try writer.add(DocumentInput(id: "d\(i)", title: "", text: "alpha beta \(i)")) }
        try writer.commit()
        for i in 0..<300 { writer.delete(id: "d\(i)") }
        try writer.commit()

        let summary = try Compactor(index: index).compact()
        #expect(summary.droppedDocuments == 300 && summary.documents == 0 && summary.terms == 0)
        let reader = try index.reader()
        #expect(reader.statistics.liveDocs == 0 && reader.statistics.nextDocId == 0 && reader.statistics.nextTermId == 0)
        #expect(try reader.termInfo(.body, "alpha") == nil)
        #expect(try IndexChecker(index: index).check().problems == [])
        let next = try IndexWriter(index: index)
        try next.add(DocumentInput(id: "again", title: "", text: "alpha"))
        try next.commit()
        #expect(try index.reader().termInfo(.body, "alpha")?.docFreq == 1)
        #expect(try index.reader().docId(forId: "again") == 0)
        #expect(try IndexChecker(index: index).check().problems == [])
    }

    /// Every key and value of `table`, in key order.
    private func tableContents(_ reader: IndexReader, _ table: KeyPath<Index.Tables, Database>) throws -> [[UInt8]] {
        var out: [[UInt8]] = []
        try reader.snapshot.withCursor(reader.index.tables[keyPath: table]) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                out += [Array(e.key), Array(e.value)]
                entry = try cursor.next()
            }
        }
        return out
    }

    /// Every term's document frequency, total frequency, postings bytes and positions bytes.
    private func termContents(_ reader: IndexReader) throws -> [[UInt8]: [[UInt8]]] {
        var out: [[UInt8]: [[UInt8]]] = [:]
        try reader.snapshot.withCursor(reader.index.tables.terms) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                let info = try TermInfo(decoding: e.value)
                var contents = [IndexFormat.bigEndian(info.docFreq), IndexFormat.bigEndian(UInt32(info.totalTermFreq))]
                if let inline = info.inline {
                    contents += [Array(inline.postings), Array(inline.positions)]
                } else {
                    for chunk in try reader.postingsChunks(info) {
                        let key = IndexFormat.chunkKey(termId: info.termId, lastDoc: chunk.lastDoc)
                        contents.append(Array(try #require(try reader.snapshot.get(reader.index.tables.postings, key: key))))
                        contents.append(Array(try #require(try reader.snapshot.get(reader.index.tables.positions, key: key))))
                    }
                }
                out[Array(e.key)] = contents
                entry = try cursor.next()
            }
        }
        return out
    }
}

/// Where the first skip entry's last doc sits in a blocked postings chunk.
enum PostingsChunkFormatOffsets {
    static let firstSkipLastDoc = 13
}
