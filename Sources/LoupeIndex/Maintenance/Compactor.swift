import LoupeCodec
import LoupeStorage

/// Rewrites an index without its deleted documents, in one write transaction: every term's
/// chunks are merged into one chunk without the tombstoned documents (inlined again when it is
/// short), terms left with no document disappear, document-store blocks are rewritten without
/// the deleted records, and the tombstones are cleared.
///
/// Doc ids are kept, so nothing else needs renumbering. Like every commit, compaction is atomic:
/// a crash leaves the index as it was before it started. Readers keep their snapshots meanwhile.
public struct Compactor {
    public let index: Index

    public init(index: Index) { self.index = index }

    /// What a compaction did.
    public struct Summary: Sendable {
        /// Deleted documents whose postings and records were dropped.
        public var droppedDocuments = 0
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
    @discardableResult
    public func compact() throws -> Summary {
        try index.environment.write { txn in try compact(txn) }
    }

    private func compact(_ txn: borrowing WriteTransaction) throws -> Summary {
        let t = index.tables
        let statsKey = Array("stats".utf8)
        guard let statsBytes = try txn.get(t.meta, key: statsKey) else { throw IndexError.corrupt("meta/stats is missing") }
        var stats = try IndexStatistics(decoding: statsBytes)
        var summary = Summary()
        summary.droppedDocuments = Int(stats.deletedDocs)
        let deleted = try tombstones(txn)
        let averageLengths = IndexField.allCases.map { stats.averageLength($0) }

        // Term keys first: the terms table changes while it is rewritten.
        var keys: [[UInt8]] = []
        try txn.withCursor(t.terms) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                keys.append(Array(e.key))
                entry = try cursor.next()
            }
        }
        var docs = [UInt32](repeating: 0, count: BitPacking.blockSize)
        var tfs = [UInt32](repeating: 0, count: BitPacking.blockSize)
        var positions = [UInt32](repeating: 0, count: 16)
        var normPages: [[UInt8]: [UInt8]] = [:]
        for key in keys {
            guard let value = try txn.get(t.terms, key: key) else { continue }
            var info = try TermInfo(decoding: value)
            let field = IndexField(rawValue: key[0]) ?? .body
            var chunkKeys: [[UInt8]] = []
            var chunks: [(postings: [UInt8], positions: [UInt8])] = []
            if let inline = info.inline {
                chunks.append((Array(inline.postings), Array(inline.positions)))
            } else {
                let prefix = IndexFormat.bigEndian(info.termId)
                try txn.withCursor(t.postings) { cursor in
                    var entry = try cursor.seek(atOrAfter: prefix)
                    while let e = entry, e.key.starts(with: prefix) {
                        chunkKeys.append(Array(e.key))
                        entry = try cursor.next()
                    }
                }
                for chunkKey in chunkKeys {
                    guard let p = try txn.get(t.postings, key: chunkKey).map(Array.init),
                        let q = try txn.get(t.positions, key: chunkKey).map(Array.init)
                    else { throw IndexError.corrupt("chunk of term \(info.termId) without positions") }
                    chunks.append((p, q))
                }
            }
            summary.chunksBefore += chunks.count
            // Keep the live postings, with their positions.
            var live = DecodedPostings()
            var lengths: [UInt32] = []
            for (postingsBytes, positionsBytes) in chunks {
                try postingsBytes.withUnsafeBytes { p in
                    try positionsBytes.withUnsafeBytes { q in
                        guard let chunk = PostingsChunk(p), let positionsChunk = PositionsChunk(q) else {
                            throw IndexError.corrupt("chunk of term \(info.termId) is truncated")
                        }
                        for block in 0..<chunk.blockCount {
                            let n = docs.withUnsafeMutableBufferPointer { d in
                                tfs.withUnsafeMutableBufferPointer { f in chunk.decode(block: block, docs: d.baseAddress!, tfs: f.baseAddress!) }
                            }
                            var preceding = 0
                            for i in 0..<n {
                                let tf = Int(tfs[i])
                                defer { preceding += tf }
                                if deleted.contains(docs[i]) { continue }
                                if positions.count < tf { positions = [UInt32](repeating: 0, count: tf) }
                                positions.withUnsafeMutableBufferPointer {
                                    positionsChunk.positions(block: block, skipping: preceding, tf: tf, into: $0.baseAddress!)
                                }
                                live.docs.append(docs[i])
                                live.tfs.append(tfs[i])
                                var previous: UInt32 = 0
                                for position in positions[0..<tf] {
                                    VarInt.append(position - previous, to: &live.positionBytes)
                                    previous = position
                                }
                                live.positionEnds.append(UInt32(live.positionBytes.count))
                                lengths.append(try length(field, docs[i], txn, &normPages))
                            }
                        }
                    }
                }
            }
            for chunkKey in chunkKeys {
                try txn.delete(t.postings, key: chunkKey)
                try txn.delete(t.positions, key: chunkKey)
            }
            if live.docs.isEmpty {
                try txn.delete(t.terms, key: key)
                summary.removedTerms += 1
                continue
            }
            let postingsBytes = PostingsChunkEncoder.encode(
                docs: live.docs, tfs: live.tfs, lengths: lengths, averageLength: averageLengths[Int(field.rawValue)])
            let positionsBytes = live.positionBytes.withUnsafeBytes { b in
                live.positionEnds.withUnsafeBufferPointer { PositionsChunkEncoder.encode(bytes: b, docEnds: $0) }
            }
            info.docFreq = UInt32(live.docs.count)
            info.totalTermFreq = live.tfs.reduce(0) { $0 + UInt64($1) }
            info.inline = nil
            if live.docs.count < BitPacking.blockSize {
                try txn.put(t.terms, key: key, value: info.encoded(inlinePostings: postingsBytes, inlinePositions: positionsBytes))
            } else {
                try txn.put(t.terms, key: key, value: info.encoded())
                let chunkKey = IndexFormat.chunkKey(termId: info.termId, lastDoc: live.docs[live.docs.count - 1])
                try txn.put(t.postings, key: chunkKey, value: postingsBytes)
                try txn.put(t.positions, key: chunkKey, value: positionsBytes)
            }
            summary.terms += 1
            summary.chunksAfter += 1
        }
        try rewriteDocumentStore(txn, deleted: deleted)
        try txn.clear(t.tombstones)
        stats.deletedDocs = 0
        try txn.put(t.meta, key: statsKey, value: stats.encoded())
        return summary
    }

    /// Every tombstoned doc id.
    private func tombstones(_ txn: borrowing WriteTransaction) throws -> Set<UInt32> {
        var deleted = Set<UInt32>()
        try txn.withCursor(index.tables.tombstones) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                let page = IndexFormat.readBigEndian(e.key)
                for (byteIndex, byte) in e.value.enumerated() where byte != 0 {
                    for bit in 0..<8 where byte & (1 << bit) != 0 {
                        deleted.insert(page << IndexFormat.tombstoneShift | UInt32(byteIndex * 8 + bit))
                    }
                }
                entry = try cursor.next()
            }
        }
        return deleted
    }

    /// Rewrites the blocks that hold deleted documents without them (dropping emptied blocks).
    private func rewriteDocumentStore(_ txn: borrowing WriteTransaction, deleted: Set<UInt32>) throws {
        let t = index.tables
        var rewrites: [([UInt8], [(doc: UInt32, record: DocumentRecord, text: String)])] = []
        try txn.withCursor(t.docstore) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                let block = try DocumentBlock(decoding: e.value)
                if block.docs.contains(where: deleted.contains) {
                    rewrites.append((Array(e.key), try block.documents().filter { !deleted.contains($0.doc) }))
                }
                entry = try cursor.next()
            }
        }
        for (key, kept) in rewrites {
            try txn.delete(t.docstore, key: key)
            if let last = kept.last { try txn.put(t.docstore, key: IndexFormat.docKey(last.doc), value: DocumentBlock.encode(kept)) }
        }
    }

    /// The length of `field` in `doc`, from the norms pages (cached in `pages`).
    private func length(
        _ field: IndexField, _ doc: UInt32, _ txn: borrowing WriteTransaction, _ pages: inout [[UInt8]: [UInt8]]
    ) throws -> UInt32 {
        let key = IndexFormat.normsKey(field, page: doc >> IndexFormat.normsShift)
        if pages[key] == nil { pages[key] = try txn.get(index.tables.norms, key: key).map(Array.init) ?? [] }
        let page = pages[key]!
        let offset = Int(doc & UInt32(IndexFormat.normsPageSize - 1)) * 4
        guard offset + 4 <= page.count else { return 0 }
        return page.withUnsafeBytes { $0.baseAddress!.loadLE32(offset) }
    }
}
