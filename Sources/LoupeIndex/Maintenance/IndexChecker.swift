import Foundation
import LoupeAnalysis
import LoupeCodec
import LoupeStorage

/// Verifies every structure of an index against the others, on one snapshot:
///
/// - the format version and the analyzer settings;
/// - the document store (blocks decode, keys match their last doc, doc ids increase) against the
///   records (one that decodes for every document and no other), the norms (pages of 4096
///   one-byte codes, each the ``FieldNorm`` code of the record's length), the `ids` table and
///   the tombstones;
/// - every term's postings: chunk structure and block metadata (`PostingsChunk.validate`: last
///   docs, offsets, impacts that dominate every posting), doc ids increasing across chunks and
///   below the next doc id, positions present and increasing for every posting;
/// - the statistics against a recount: live and deleted documents, total lengths per field, and
///   each term's document and term frequencies over live documents;
/// - no chunk in `postings` or `positions` without its term;
/// - the metadata against the records: every document's type and extension bits in `labels` and
///   no other bit, well-formed label pages, and its modification date and size in `columns`;
/// - every entry of the problem ledger decodes, under an absolute path, with an extractor named.
///
/// Document blocks keyed at or beyond the next doc id, and record groups starting there, are not
/// part of the index (a bulk load's staged entries, left by a killed load: ``DocumentStage``): they
/// are counted in ``Report/strayEntries``, not checked, and are no problem.
public struct IndexChecker {
    public let index: Index

    public init(index: Index) { self.index = index }

    /// The outcome: every problem found (empty when the index is sound) and what was covered.
    public struct Report: Sendable {
        public var problems: [String] = []
        public var documents = 0
        public var terms = 0
        public var postings = 0
        /// Document blocks and record groups beyond the last commit's documents, which no reader
        /// reaches: a killed bulk load's staged entries, reclaimed by later commits and compaction.
        public var strayEntries = 0
        public var seconds = 0.0
        /// True when no problem was found.
        public var isSound: Bool { problems.isEmpty }
    }

    /// The norms pages: keys of a known field and a page below the next doc id, every page up to
    /// the last document present for every field, each exactly ``IndexFormat/normsPageSize`` bytes
    /// (one ``FieldNorm`` code per document), and code 0 for the doc ids not yet given out. The
    /// codes of documents are checked against their records with the document store.
    private func checkNorms(_ snapshot: Snapshot, _ stats: IndexStatistics, _ problem: (String) -> Void) throws {
        let t = index.tables
        let pageSize = IndexFormat.normsPageSize
        let pageCount = stats.nextDocId == 0 ? 0 : Int((stats.nextDocId - 1) >> IndexFormat.normsShift) + 1
        var seen = IndexField.allCases.map { _ in [Bool](repeating: false, count: pageCount) }
        try snapshot.withCursor(t.norms) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                defer { entry = try? cursor.next() }
                guard e.key.count == 5, let field = IndexField(rawValue: e.key[0]) else {
                    problem("norms: malformed key \(Array(e.key))")
                    continue
                }
                let page = Int(IndexFormat.readBigEndian(e.key, at: 1))
                guard page < pageCount else {
                    problem("norms: \(field.name) page \(page) lies beyond the next doc id \(stats.nextDocId)")
                    continue
                }
                seen[Int(field.rawValue)][page] = true
                guard e.value.count == pageSize else {
                    problem("norms: \(field.name) page \(page) holds \(e.value.count) bytes, not \(pageSize) (one length code per document)")
                    continue
                }
                let first = page << IndexFormat.normsShift
                for slot in 0..<pageSize where first + slot >= Int(stats.nextDocId) && e.value[slot] != 0 {
                    problem("norms: \(field.name) code \(e.value[slot]) for doc \(first + slot), beyond the next doc id \(stats.nextDocId)")
                    break
                }
            }
        }
        for field in IndexField.allCases {
            if let missing = seen[Int(field.rawValue)].firstIndex(of: false) { problem("norms: \(field.name) page \(missing) is missing") }
        }
    }

    /// Runs every check. Problems are collected (up to `limit`), not thrown; only an index that
    /// cannot be read at all throws.
    public func check(limit: Int = 100) throws -> Report {
        let started = Date()
        var report = Report()
        func problem(_ message: String) {
            if report.problems.count < limit { report.problems.append(message) }
        }
        let reader = try index.reader()
        let snapshot = reader.snapshot
        let t = index.tables
        let stats = reader.statistics

        // Format.
        let version = try snapshot.get(t.meta, key: Array("format".utf8)).map { $0.loadUnaligned(as: UInt32.self) }
        if version != IndexFormat.version { problem("format version \(version.map(String.init) ?? "missing"), expected \(IndexFormat.version)") }
        if (try? snapshot.get(t.meta, key: Array("analyzer".utf8)).map { try JSONDecoder().decode(AnalyzerSettings.self, from: Data($0)) }) == nil {
            problem("the analyzer settings do not decode")
        }

        // Tombstones.
        var deleted = Set<UInt32>()
        try snapshot.withCursor(t.tombstones) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                let page = IndexFormat.readBigEndian(e.key)
                for (i, byte) in e.value.enumerated() where byte != 0 {
                    for bit in 0..<8 where byte & (1 << bit) != 0 { deleted.insert(page << IndexFormat.tombstoneShift | UInt32(i * 8 + bit)) }
                }
                entry = try cursor.next()
            }
        }
        if deleted.count != Int(stats.deletedDocs) { problem("stats say \(stats.deletedDocs) deleted documents, tombstones hold \(deleted.count)") }
        if let beyond = deleted.first(where: { $0 >= stats.nextDocId }) { problem("tombstone for doc \(beyond) beyond next doc id \(stats.nextDocId)") }

        // Document store, norms, ids.
        var live = 0
        var totals = [UInt64](repeating: 0, count: IndexField.allCases.count)
        var previousDoc: UInt32? = nil
        var known = Set<UInt32>()
        // The records' exact lengths by doc id: the postings' impacts are built from them.
        var exactLengths = IndexField.allCases.map { _ in [UInt32](repeating: 0, count: Int(stats.nextDocId)) }
        let decompressor = Zstd.Decompressor()
        try snapshot.withCursor(t.docstore) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                guard IndexFormat.readBigEndian(e.key) < stats.nextDocId else {
                    report.strayEntries += 1
                    entry = try cursor.next()
                    continue
                }
                let block: DocumentBlock
                do { block = try DocumentBlock(decoding: e.value, decompressor: decompressor) } catch {
                    problem("document block \(IndexFormat.readBigEndian(e.key)): \(error)")
                    entry = try cursor.next()
                    continue
                }
                if block.lastDoc != IndexFormat.readBigEndian(e.key) { problem("document block keyed \(IndexFormat.readBigEndian(e.key)) ends at \(block.lastDoc)") }
                for doc in block.docs {
                    report.documents += 1
                    let record: DocumentRecord
                    do {
                        guard let stored = try reader.document(doc) else {
                            problem("document \(doc) has a text but no record")
                            continue
                        }
                        record = stored
                    } catch {
                        problem("record of document \(doc): \(error)")
                        continue
                    }
                    if let p = previousDoc, doc <= p { problem("document ids not increasing: \(p) then \(doc)") }
                    previousDoc = doc
                    known.insert(doc)
                    if doc >= stats.nextDocId { problem("document \(doc) beyond next doc id \(stats.nextDocId)") }
                    for field in IndexField.allCases {
                        let length = record.length(field), code = reader.lengths(field).norm(doc)
                        if doc < stats.nextDocId { exactLengths[Int(field.rawValue)][Int(doc)] = length }
                        if code != FieldNorm.encode(length) {
                            problem("document \(doc): \(field.name) length \(length) (code \(FieldNorm.encode(length))) but norms hold code \(code)")
                        }
                    }
                    guard !deleted.contains(doc) else { continue }
                    live += 1
                    for field in IndexField.allCases { totals[Int(field.rawValue)] += UInt64(record.length(field)) }
                    if try reader.docId(forId: record.id) != doc { problem("document \(doc) (\(record.id)) is live but ids does not map to it") }
                }
                entry = try cursor.next()
            }
        }
        var records = 0
        try snapshot.withCursor(t.records) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                guard UInt64(IndexFormat.readBigEndian(e.key)) << UInt64(RecordGroup.shift) < UInt64(stats.nextDocId) else {
                    report.strayEntries += 1
                    entry = try cursor.next()
                    continue
                }
                do {
                    let group = try RecordGroup(decoding: e.value, decompressor: decompressor)
                    records += group.records.count
                    for slot in group.records.indices { _ = try group.record(at: slot) }
                } catch {
                    problem("record group \(IndexFormat.readBigEndian(e.key)): \(error)")
                }
                entry = try cursor.next()
            }
        }
        if records != report.documents { problem("records holds \(records) records for \(report.documents) documents in the document store") }
        if live != Int(stats.liveDocs) { problem("stats say \(stats.liveDocs) live documents, the document store holds \(live)") }
        if totals != stats.totalLengths { problem("stats total lengths \(stats.totalLengths), recount \(totals)") }
        try checkNorms(snapshot, stats, problem)
        var idCount = 0
        try reader.forEachId { id, doc in
            idCount += 1
            if deleted.contains(doc) || !known.contains(doc) { problem("id \(id) maps to doc \(doc), which is not a live document") }
        }
        if idCount != Int(stats.liveDocs) { problem("ids holds \(idCount) entries for \(stats.liveDocs) live documents") }

        // Terms and their postings.
        var externalTerms = Set<UInt32>()
        var termIds = Set<UInt32>()
        var docs = [UInt32](repeating: 0, count: BitPacking.blockSize)
        var tfs = [UInt32](repeating: 0, count: BitPacking.blockSize)
        try reader.forEachTerm { field, termBytes, info in
            report.terms += 1
            let name = "\(field.name):\(String(decoding: termBytes, as: UTF8.self))"
            if info.termId >= stats.nextTermId { problem("term \(name) has id \(info.termId) beyond next term id \(stats.nextTermId)") }
            if !termIds.insert(info.termId).inserted { problem("term id \(info.termId) is used twice (\(name))") }
            if info.inline == nil { externalTerms.insert(info.termId) }
            var liveDocs: UInt32 = 0
            var liveTf: UInt64 = 0
            var previous: UInt32? = nil
            let chunks: [PostingsChunk]
            do { chunks = try reader.postingsChunks(info) } catch {
                problem("term \(name): \(error)")
                return
            }
            for chunk in chunks {
                do { try chunk.validate { known.contains($0) ? exactLengths[Int(field.rawValue)][Int($0)] : nil } } catch {
                    problem("term \(name), chunk ending \(chunk.lastDoc): \(error)")
                    continue
                }
                guard let positionsChunk = try reader.positionsChunk(info, lastDoc: chunk.lastDoc) else {
                    problem("term \(name): no positions for the chunk ending \(chunk.lastDoc)")
                    continue
                }
                for block in 0..<chunk.blockCount {
                    let n = docs.withUnsafeMutableBufferPointer { d in
                        tfs.withUnsafeMutableBufferPointer { f in chunk.decode(block: block, docs: d.baseAddress!, tfs: f.baseAddress!) }
                    }
                    do {
                        try tfs.withUnsafeBufferPointer { try positionsChunk.validate(block: block, tfs: UnsafeBufferPointer(rebasing: $0[0..<n])) }
                    } catch {
                        problem("term \(name), chunk ending \(chunk.lastDoc): \(error)")
                    }
                    for i in 0..<n {
                        report.postings += 1
                        if let p = previous, docs[i] <= p { problem("term \(name): doc ids not increasing across chunks (\(p), \(docs[i]))") }
                        previous = docs[i]
                        if docs[i] >= stats.nextDocId { problem("term \(name): doc \(docs[i]) beyond next doc id") }
                        if !deleted.contains(docs[i]) {
                            liveDocs += 1
                            liveTf += UInt64(tfs[i])
                        }
                    }
                }
            }
            if liveDocs != info.docFreq { problem("term \(name): document frequency \(info.docFreq), recount \(liveDocs)") }
            if liveTf != info.totalTermFreq { problem("term \(name): total term frequency \(info.totalTermFreq), recount \(liveTf)") }
        }
        for table in [t.postings, t.positions] {
            try snapshot.withCursor(table) { cursor in
                var entry = try cursor.first()
                while let e = entry {
                    let termId = IndexFormat.readBigEndian(e.key)
                    if !externalTerms.contains(termId) { problem("\(table.name) holds a chunk of term id \(termId), which has no such chunks") }
                    entry = try cursor.next()
                }
            }
        }
        try checkMetadata(reader, stats, problem)
        // The problem ledger.
        try snapshot.withCursor(t.problems) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                do {
                    let entry = try ProblemLedger.decode(key: e.key, value: e.value)
                    if !entry.path.hasPrefix("/") { problem("problem ledger: the path \(entry.path) is not absolute") }
                    if entry.extractor.isEmpty { problem("problem ledger: the entry of \(entry.path) names no extractor") }
                } catch {
                    problem("\(error)")
                }
                entry = try cursor.next()
            }
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Checks `labels` and `columns` against the records of every document on disk.
    private func checkMetadata(_ reader: IndexReader, _ stats: IndexStatistics, _ problem: (String) -> Void) throws {
        var expected: [DocumentLabel: Set<UInt32>] = [:]
        let columns = DocumentColumn.allCases.map { reader.values($0) }
        for doc in 0..<stats.nextDocId {
            guard let record = try? reader.document(doc) else { continue }
            for label in DocumentLabel.labels(of: record.metadata) { expected[label, default: []].insert(doc) }
            for column in DocumentColumn.allCases where columns[Int(column.rawValue)].value(doc) != column.value(of: record) {
                problem("document \(doc): \(column.name) \(column.value(of: record)) but columns say \(columns[Int(column.rawValue)].value(doc))")
            }
        }
        var found: [DocumentLabel: Set<UInt32>] = [:]
        try reader.snapshot.withCursor(index.tables.labels) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                defer { entry = try? cursor.next() }
                guard e.key.count >= 6, let kind = DocumentLabel.Kind(rawValue: e.key[0]), e.key[e.key.count - 5] == 0 else {
                    problem("labels: malformed key \(Array(e.key))")
                    continue
                }
                let label = DocumentLabel(kind, String(decoding: UnsafeRawBufferPointer(rebasing: e.key[1..<(e.key.count - 5)]), as: UTF8.self))
                let page = IndexFormat.readBigEndian(e.key, at: e.key.count - 4)
                guard e.value.count == LabelPage.bytes else {
                    problem("labels: page \(page) of \(kind.name):\(label.value) holds \(e.value.count) bytes")
                    continue
                }
                var slot = 0
                var any = false
                while let set = LabelPage.nextSet(from: slot, e.value.baseAddress!) {
                    found[label, default: []].insert(page << LabelPage.shift | UInt32(set))
                    any = true
                    slot = set + 1
                }
                if !any { problem("labels: page \(page) of \(kind.name):\(label.value) is empty") }
            }
        }
        for label in Set(expected.keys).union(found.keys).sorted() where expected[label] != found[label] {
            let missing = (expected[label] ?? []).subtracting(found[label] ?? []).sorted()
            let extra = (found[label] ?? []).subtracting(expected[label] ?? []).sorted()
            problem("labels: \(label.kind.name):\(label.value) misses docs \(missing.prefix(5)) and holds \(extra.prefix(5)) against the records")
        }
    }
}
