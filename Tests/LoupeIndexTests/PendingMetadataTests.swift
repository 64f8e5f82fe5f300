import LoupeCodec
import LoupeExtract
import LoupeTestSupport
import Testing
@testable import LoupeIndex

/// The compact per-document labels and columns a commit builds its pages from, and the pages it
/// builds: the values the records hold, pages equal to those set document by document, and put
/// into a real transaction once.
@Suite struct PendingMetadataTests {
    static func records(_ count: Int, seed: UInt64) -> [DocumentRecord] {
        var random = SeededGenerator(seed: seed)
        let extensions = ["", "txt", "md", "gz", "html"]
        let extremes: [Int64] = [0, -1, 1, .min, .max, 1_700_000_000]
        return (0..<count).map { i in
            let modified = Bool.random(using: &random) ? extremes.randomElement(using: &random)! : Int64.random(in: -5_000_000_000...5_000_000_000, using: &random)
            let size = Bool.random(using: &random) ? UInt64.random(in: 0...100_000, using: &random) : UInt64.max - UInt64(i)
            let metadata = DocumentMetadata(
                type: DocumentType.allCases.randomElement(using: &random)!, ext: extensions.randomElement(using: &random)!, modified: modified)
            return DocumentRecord(id: "d\(i)", title: "", source: "", contentHash: 0, mtimeNanoseconds: 0, size: size, lengths: [1, 2, 3], metadata: metadata)
        }
    }

    @Test func valuesComeBackAsTheRecordsHoldThem() {
        let records = Self.records(5_000, seed: 3)
        var metadata = PendingMetadata()
        for record in records { metadata.append(record) }
        #expect(metadata.count == records.count)
        var i = 0
        metadata.forEach { values in
            #expect(metadata.labelSets[values.labelSet] == DocumentLabel.labels(of: records[i].metadata))
            for column in DocumentColumn.allCases { #expect(values.value(column) == column.value(of: records[i]), "doc \(i) \(column.name)") }
            i += 1
        }
        #expect(i == records.count)
        var limited = 0
        metadata.forEach(limit: 17) { _ in limited += 1 }
        #expect(limited == 17)
        PendingMetadata().forEach { _ in Issue.record("an empty set has no values") }
    }

    /// Pages from `base` (in the middle of a norms, label and column page, whose begun pages hold
    /// values of earlier documents) match pages set one document at a time.
    @Test func pagesContinueTheBegunOnesAndMatchDocumentByDocument() {
        let base: UInt32 = 4096 * 3 + 1000
        let records = Self.records(9_000, seed: 5)
        var metadata = PendingMetadata()
        var lengths = [[UInt32]](repeating: [], count: IndexField.allCases.count)
        var random = SeededGenerator(seed: 9)
        for record in records {
            metadata.append(record)
            for field in IndexField.allCases { lengths[Int(field.rawValue)].append(UInt32.random(in: 0...5000, using: &random)) }
        }
        var begunNorms = [UInt8](repeating: 0, count: IndexFormat.normsPageSize)
        begunNorms[5] = 77
        var begunColumn = ColumnPage.empty()
        ColumnPage.store(-42, for: base - 1, in: &begunColumn)
        var begunLabel = LabelPage.empty()
        LabelPage.set(base - 3, in: &begunLabel)
        let txt = DocumentLabel(.type, "txt")
        let begun = DocumentPages.Begun(norms: [begunNorms, nil, nil], columns: [begunColumn, nil], labels: [txt: begunLabel])
        let pages = DocumentPages(base: base, lengths: lengths, metadata: metadata, begun: begun)

        // The reference: every page edited document by document from the begun ones.
        var norms: [[UInt8]: [UInt8]] = [:], labels: [[UInt8]: [UInt8]] = [:], columns: [[UInt8]: [UInt8]] = [:]
        norms[IndexFormat.normsKey(.body, page: base >> IndexFormat.normsShift)] = begunNorms
        columns[IndexFormat.columnKey(.modified, page: base >> ColumnPage.shift)] = begunColumn
        labels[IndexFormat.labelKey(txt, page: base >> LabelPage.shift)] = begunLabel
        var totals = [UInt64](repeating: 0, count: IndexField.allCases.count)
        for (place, record) in records.enumerated() {
            let doc = base + UInt32(place)
            for field in IndexField.allCases {
                let length = lengths[Int(field.rawValue)][place]
                totals[Int(field.rawValue)] += UInt64(length)
                let key = IndexFormat.normsKey(field, page: doc >> IndexFormat.normsShift)
                norms[key, default: [UInt8](repeating: 0, count: IndexFormat.normsPageSize)][Int(doc) & (IndexFormat.normsPageSize - 1)] = FieldNorm.encode(length)
            }
            for label in DocumentLabel.labels(of: record.metadata) {
                LabelPage.set(doc, in: &labels[IndexFormat.labelKey(label, page: doc >> LabelPage.shift), default: LabelPage.empty()])
            }
            for column in DocumentColumn.allCases {
                ColumnPage.store(column.value(of: record), for: doc, in: &columns[IndexFormat.columnKey(column, page: doc >> ColumnPage.shift), default: ColumnPage.empty()])
            }
        }
        func sorted(_ pages: [[UInt8]: [UInt8]]) -> [[UInt8]] {
            pages.sorted { $0.key.lexicographicallyPrecedes($1.key) }.flatMap { [$0.key, $0.value] }
        }
        #expect(pages.norms.flatMap { [$0.key, $0.page] } == sorted(norms))
        #expect(pages.labels.flatMap { [$0.key, $0.page] } == sorted(labels))
        #expect(pages.columns.flatMap { [$0.key, $0.page] } == sorted(columns))
        #expect(pages.totalLengths == totals)
    }

    @Test func theHandOverPutsThePagesOnceAndGivesTheirTotals() throws {
        let dir = TemporaryDirectory("pages")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        var metadata = PendingMetadata()
        let records = Self.records(2, seed: 1)
        for record in records { metadata.append(record) }
        let values = metadata
        let lengths: [[UInt32]] = [[3, 40], [1, 0], [2, 9]]
        let begun = DocumentPages.Begun(norms: [nil, nil, nil], columns: [nil, nil], labels: [:])
        try index.environment.write { txn in
            var handOver = DocumentPagesHandOver { DocumentPages(base: 0, lengths: lengths, metadata: values, begun: begun) }
            #expect(try handOver.put(txn, index.tables) == [43, 1, 11])
            // Already put: nothing more happens.
            try handOver.putIfBuilt(txn, index.tables)
            #expect(try handOver.put(txn, index.tables) == [43, 1, 11])
            let body = try #require(try txn.get(index.tables.norms, key: IndexFormat.normsKey(.body, page: 0)).map(Array.init))
            #expect(body.count == IndexFormat.normsPageSize && body[0] == FieldNorm.encode(3) && body[1] == FieldNorm.encode(40))
            let sizes = try #require(try txn.get(index.tables.columns, key: IndexFormat.columnKey(.size, page: 0)).map(Array.init))
            #expect(ColumnPage.value(1, sizes.withUnsafeBytes { $0.baseAddress! }) == Int64(bitPattern: records[1].size))
            for label in DocumentLabel.labels(of: records[0].metadata) {
                let page = try #require(try txn.get(index.tables.labels, key: IndexFormat.labelKey(label, page: 0)).map(Array.init))
                #expect(page.withUnsafeBytes { LabelPage.contains(0, $0.baseAddress!) })
            }
        }
    }
}
