import LoupeCodec
import LoupeStorage

/// Rewrites an index without its deleted documents, in one write transaction, so that it is laid
/// out as a fresh build of the same documents would be.
///
/// Every table but `meta` and `problems` is rebuilt from a snapshot of the state before (the
/// problem ledger is keyed by file path, not by doc id, and is kept as it is):
/// - live documents are renumbered 0, 1, 2, ... in external-id order (``DocIdRenumbering``);
///   deleted ones are dropped, and the tombstones cleared;
/// - each term's chunks become one chunk of its live postings (inlined when short), under a new
///   term id given in term order; terms left with no document disappear;
/// - the document store, the norms, the labels, the columns and the `ids` table are rewritten for
///   the new doc ids.
///
/// Every table is written in key order (`MDB_APPEND`), so pages are full and in sequence.
/// Like every commit, compaction is atomic: a crash leaves the index as it was before it started.
/// Readers keep their snapshots (and the doc ids of those snapshots) meanwhile. While it runs,
/// the data file holds both versions, so it may grow to about twice the index's size; the pages
/// of the old version are reused by later commits.
public struct Compactor {
    public let index: Index

    public init(index: Index) { self.index = index }

    /// What a compaction did.
    public struct Summary: Sendable {
        /// Deleted documents whose postings and records were dropped.
        public var droppedDocuments = 0
        /// Live documents, renumbered.
        public var documents = 0
        /// Terms rewritten.
        public var terms = 0
        /// Terms removed because only deleted documents had them.
        public var removedTerms = 0
        /// Chunks before and after.
        public var chunksBefore = 0
        public var chunksAfter = 0
    }

    /// True when compaction is due: deleted documents make up at least `deletedRatio` of all
    /// documents on disk.
    public func isDue(deletedRatio: Double) throws -> Bool {
        let stats = try index.reader().statistics
        let onDisk = Double(stats.liveDocs) + Double(stats.deletedDocs)
        return stats.deletedDocs > 0 && Double(stats.deletedDocs) >= deletedRatio * onDisk
    }

    /// Compacts the index.
    /// - Throws: ``IndexError/corrupt(_:)`` when the tables disagree (nothing is changed then);
    ///   storage errors.
    @discardableResult
    public func compact() throws -> Summary {
        try index.environment.write { txn in
            // The state being rewritten: the snapshot pins its pages while the tables are rebuilt.
            // It is released when this closure ends, before a map resize could wait for it.
            let old = try index.reader()
            return try rewrite(from: old, into: txn)
        }
    }

    private func rewrite(from old: IndexReader, into txn: borrowing WriteTransaction) throws -> Summary {
        let t = index.tables
        var stats = old.statistics
        var summary = Summary()
        summary.droppedDocuments = Int(stats.deletedDocs)
        for table in [t.terms, t.postings, t.positions, t.docstore, t.records, t.ids, t.norms, t.tombstones, t.labels, t.columns] {
            try txn.clear(table)
        }
        // The clear dropped any bulk load's staged entries: its stage is cancelled.
        _ = try txn.delete(t.meta, key: DocumentStage.key)

        let renumbering = try writeIds(from: old, into: txn)
        guard renumbering.count == Int(stats.liveDocs) else {
            throw IndexError.corrupt("ids: \(renumbering.count) live documents, the statistics count \(stats.liveDocs)")
        }
        summary.documents = renumbering.count
        try writeDocuments(from: old, renumbering, into: txn)
        let lengths = try writeMetadata(from: old, renumbering, into: txn)
        try writeNorms(lengths, into: txn)
        try writeTerms(from: old, renumbering, lengths, stats, into: txn, &summary)

        stats.nextDocId = UInt32(renumbering.count)
        stats.nextTermId = UInt32(summary.terms)
        stats.deletedDocs = 0
        try txn.put(t.meta, key: Array("stats".utf8), value: stats.encoded())
        try CommitNumber.stamp(txn, meta: t.meta)
        return summary
    }

    /// Numbers the live documents in external-id order and writes the `ids` table for them.
    private func writeIds(from old: IndexReader, into txn: borrowing WriteTransaction) throws -> DocIdRenumbering {
        var renumbering = DocIdRenumbering(oldIdLimit: old.statistics.nextDocId)
        try old.snapshot.withCursor(index.tables.ids) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                let oldDoc = IndexFormat.readBigEndian(e.value)
                guard !old.isDeleted(oldDoc) else { throw IndexError.corrupt("ids: doc id \(oldDoc) is deleted") }
                let new = try renumbering.number(oldDoc)
                try IndexFormat.docKey(new).withUnsafeBytes { try txn.put(index.tables.ids, key: e.key, value: $0, flags: .append) }
                entry = try cursor.next()
            }
        }
        return renumbering
    }

    /// Writes each field's length codes (``FieldNorm``) in new doc-id order, from the exact
    /// lengths, as a commit writes them.
    private func writeNorms(_ lengths: [[UInt32]], into txn: borrowing WriteTransaction) throws {
        let pageSize = IndexFormat.normsPageSize
        for field in IndexField.allCases {
            let fieldLengths = lengths[Int(field.rawValue)]
            var first = 0
            while first < fieldLengths.count {
                let end = min(first + pageSize, fieldLengths.count)
                var page = [UInt8](repeating: 0, count: pageSize)
                for new in first..<end { page[new - first] = FieldNorm.encode(fieldLengths[new]) }
                try txn.put(index.tables.norms, key: IndexFormat.normsKey(field, page: UInt32(first / pageSize)), value: page, flags: .append)
                first = end
            }
        }
    }

    /// Writes the records and the document store in new doc-id order, packed as a commit packs it.
    private func writeDocuments(from old: IndexReader, _ renumbering: DocIdRenumbering, into txn: borrowing WriteTransaction) throws {
        var blocks = DocumentBlockCache(reader: old)
        var packer = DocumentBlockPacker()
        let layout = index.environment.pageLayout, compressor = Zstd.Compressor()
        var group = RecordGroup(records: [])
        for new in 0..<renumbering.count {
            let oldDoc = renumbering.oldIds[new]
            guard let record = try old.document(oldDoc) else { throw IndexError.corrupt("records: no record for doc id \(oldDoc)") }
            group.append(record)
            if group.records.count == RecordGroup.capacity || new == renumbering.count - 1 {
                try txn.put(index.tables.records, key: RecordGroup.key(of: UInt32(new)), value: group.encoded(compressor: compressor), flags: .append)
                group = RecordGroup(records: [])
            }
            guard let text = try blocks.block(containing: oldDoc).text(oldDoc) else {
                throw IndexError.corrupt("docstore: no text for doc id \(oldDoc)")
            }
            let run = packer.group(UInt32(new), text) ?? (new == renumbering.count - 1 ? packer.finishGroup() : nil)
            for block in run.map({ DocumentBlockPacker.pack($0, layout: layout, compressor: compressor) }) ?? [] {
                try txn.put(index.tables.docstore, key: IndexFormat.docKey(block.lastDoc), value: block.value, flags: .append)
            }
        }
    }

    /// Writes the label bitmaps and the columns in new doc-id order, from the records, and returns
    /// the records' exact field lengths in new doc-id order (per field): the norms hold only their
    /// one-byte codes, and the postings' impacts are built from the exact lengths.
    private func writeMetadata(
        from old: IndexReader, _ renumbering: DocIdRenumbering, into txn: borrowing WriteTransaction
    ) throws -> [[UInt32]] {
        var labelDocs: [DocumentLabel: [UInt32]] = [:]
        var columns = DocumentColumn.allCases.map { _ in [Int64]() }
        var lengths = IndexField.allCases.map { _ in [UInt32]() }
        for new in 0..<renumbering.count {
            guard let record = try old.document(renumbering.oldIds[new]) else {
                throw IndexError.corrupt("records: no record for doc id \(renumbering.oldIds[new])")
            }
            for label in DocumentLabel.labels(of: record.metadata) { labelDocs[label, default: []].append(UInt32(new)) }
            for column in DocumentColumn.allCases { columns[Int(column.rawValue)].append(column.value(of: record)) }
            for field in IndexField.allCases { lengths[Int(field.rawValue)].append(record.length(field)) }
        }
        for label in labelDocs.keys.sorted() {
            let docs = labelDocs[label]!
            var start = 0
            while start < docs.count {
                let pageNumber = docs[start] >> LabelPage.shift
                var page = LabelPage.empty()
                while start < docs.count, docs[start] >> LabelPage.shift == pageNumber {
                    LabelPage.set(docs[start], in: &page)
                    start += 1
                }
                try txn.put(index.tables.labels, key: IndexFormat.labelKey(label, page: pageNumber), value: page, flags: .append)
            }
        }
        for column in DocumentColumn.allCases {
            let values = columns[Int(column.rawValue)]
            var first = 0
            while first < values.count {
                let end = min(first + ColumnPage.docsPerPage, values.count)
                var page = ColumnPage.empty()
                for new in first..<end { ColumnPage.store(values[new], for: UInt32(new), in: &page) }
                let key = IndexFormat.columnKey(column, page: UInt32(first >> Int(ColumnPage.shift)))
                try txn.put(index.tables.columns, key: key, value: page, flags: .append)
                first = end
            }
        }
        return lengths
    }

    /// Rewrites every term with live postings under a new term id, in term order, so the terms,
    /// postings and positions tables are all appended to.
    private func writeTerms(
        from old: IndexReader, _ renumbering: DocIdRenumbering, _ newLengths: [[UInt32]], _ stats: IndexStatistics,
        into txn: borrowing WriteTransaction, _ summary: inout Summary
    ) throws {
        let t = index.tables
        let averageLengths = IndexField.allCases.map { stats.averageLength($0) }
        var rewriting = PostingsRenumbering()
        var lengths: [UInt32] = []
        try old.snapshot.withCursor(t.terms) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                guard let field = IndexField(rawValue: e.key[0]) else { throw IndexError.corrupt("term key with field \(e.key[0])") }
                let oldInfo = try TermInfo(decoding: e.value)
                let chunks = try old.postingsChunks(oldInfo).map { chunk in
                    guard let positions = try old.positionsChunk(oldInfo, lastDoc: chunk.lastDoc) else {
                        throw IndexError.corrupt("chunk of term \(oldInfo.termId) without positions")
                    }
                    return (chunk, positions)
                }
                summary.chunksBefore += chunks.count
                try rewriting.rewrite(chunks, renumbering)
                let live = rewriting.postings
                if live.count == 0 {
                    summary.removedTerms += 1
                } else {
                    let fieldLengths = newLengths[Int(field.rawValue)]
                    let (postingsBytes, positionsBytes, totalTermFreq) = live.withBuffers { docs, tfs, positionBytes, positionEnds in
                        lengths.removeAll(keepingCapacity: true)
                        for doc in docs { lengths.append(fieldLengths[Int(doc)]) }
                        let postings = lengths.withUnsafeBufferPointer {
                            PostingsChunkEncoder.encode(docs: docs, tfs: tfs, lengths: $0, averageLength: averageLengths[Int(field.rawValue)])
                        }
                        return (postings, PositionsChunkEncoder.encode(bytes: positionBytes, docEnds: positionEnds), tfs.reduce(0) { $0 + UInt64($1) })
                    }
                    let info = TermInfo(termId: UInt32(summary.terms), docFreq: UInt32(live.count), totalTermFreq: totalTermFreq)
                    let key = Array(e.key)
                    if live.count < BitPacking.blockSize {
                        let value = info.encoded(inlinePostings: postingsBytes, inlinePositions: positionsBytes)
                        try txn.put(t.terms, key: key, value: value, flags: .append)
                    } else {
                        try txn.put(t.terms, key: key, value: info.encoded(), flags: .append)
                        let chunkKey = IndexFormat.chunkKey(termId: info.termId, lastDoc: live.lastDoc!)
                        try txn.put(t.postings, key: chunkKey, value: postingsBytes, flags: .append)
                        try txn.put(t.positions, key: chunkKey, value: positionsBytes, flags: .append)
                    }
                    summary.terms += 1
                    summary.chunksAfter += 1
                }
                entry = try cursor.next()
            }
        }
    }
}
