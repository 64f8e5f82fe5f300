import LoupeAnalysis
import LoupeCodec
import LoupeStorage

/// A consistent, read-only view of one commit of an ``Index``.
///
/// Everything it returns that is a pointer or a chunk view borrows LMDB's memory map and is valid
/// while the reader lives. A reader may move between threads, but only one thread uses it at a time.
public final class IndexReader: @unchecked Sendable {
    /// The index this reader reads.
    public let index: Index
    /// Collection statistics at this commit.
    public let statistics: IndexStatistics
    let snapshot: Snapshot
    var tables: Index.Tables { index.tables }
    private var norms: [PageTable] = []
    private var cachedBlock: DocumentBlock?
    private var cachedGroup: (number: UInt32, group: RecordGroup)?
    /// Taken from the index's pool on first use, given back when the reader is freed.
    private var pooledDecompressor: Zstd.Decompressor?
    private var decompressor: Zstd.Decompressor {
        if let pooledDecompressor { return pooledDecompressor }
        let taken = index.decompressors.take()
        pooledDecompressor = taken
        return taken
    }
    private var tombstones: PageTable! = nil
    private var columns: [PageTable] = []

    init(index: Index, snapshot: Snapshot) throws {
        self.index = index
        self.snapshot = snapshot
        guard let stats = try snapshot.get(index.tables.meta, key: Array("stats".utf8)) else {
            throw IndexError.corrupt("meta/stats is missing")
        }
        statistics = try IndexStatistics(decoding: stats)
        let pages = Int(statistics.nextDocId >> IndexFormat.normsShift) + 1
        let tables = index.tables
        norms = IndexField.allCases.map { field in
            // A page of another size is damaged (`loupe check` names it): read as absent, never past its end.
            PageTable(count: pages) { [snapshot] page in
                guard let value = try? snapshot.get(tables.norms, key: IndexFormat.normsKey(field, page: UInt32(page))),
                      value.count == IndexFormat.normsPageSize else { return nil }
                return value.baseAddress
            }
        }
        let columnPages = Int(statistics.nextDocId >> ColumnPage.shift) + 1
        columns = DocumentColumn.allCases.map { column in
            PageTable(count: columnPages) { [snapshot] page in
                (try? snapshot.get(tables.columns, key: IndexFormat.columnKey(column, page: UInt32(page))))?.baseAddress
            }
        }
        let tombstonePages = statistics.deletedDocs == 0 ? 0 : Int(statistics.nextDocId >> IndexFormat.tombstoneShift) + 1
        tombstones = PageTable(count: tombstonePages) { [snapshot] page in
            (try? snapshot.get(tables.tombstones, key: IndexFormat.bigEndian(UInt32(page))))?.baseAddress
        }
    }

    deinit {
        if let pooledDecompressor { index.decompressors.giveBack(pooledDecompressor) }
    }

    /// The analyzer of the index.
    public var analyzer: Analyzer { index.analyzer }

    /// The dictionary entry of an already-analyzed term, or nil when no document has it.
    public func termInfo(_ field: IndexField, _ term: String) throws -> TermInfo? {
        var term = term
        return try term.withUTF8 { utf8 in
            let key = IndexFormat.termKey(field, UnsafeRawBufferPointer(utf8))
            return try snapshot.get(tables.terms, key: key).map { try TermInfo(decoding: $0) }
        }
    }

    /// Terms of `field` that start with `prefix` (already normalized), in byte order, at most `limit`.
    public func terms(_ field: IndexField, prefix: String, limit: Int) throws -> [(term: String, info: TermInfo)] {
        var prefixKey: [UInt8] = [field.rawValue]
        prefixKey.append(contentsOf: prefix.utf8)
        return try snapshot.withCursor(tables.terms) { cursor in
            var out: [(String, TermInfo)] = []
            var entry = try cursor.seek(atOrAfter: prefixKey)
            while let e = entry, out.count < limit, e.key.starts(with: prefixKey) {
                let info = try TermInfo(decoding: e.value)
                if info.docFreq > 0 {
                    out.append((String(decoding: UnsafeRawBufferPointer(rebasing: e.key[1...]), as: UTF8.self), info))
                }
                entry = try cursor.next()
            }
            return out
        }
    }

    /// Calls `body` for every term of every field with its dictionary entry, in key order.
    public func forEachTerm(_ body: (IndexField, UnsafeRawBufferPointer, TermInfo) throws -> Void) throws {
        try snapshot.withCursor(tables.terms) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                guard let field = IndexField(rawValue: e.key[0]) else { throw IndexError.corrupt("term key with field \(e.key[0])") }
                try body(field, UnsafeRawBufferPointer(rebasing: e.key[1...]), try TermInfo(decoding: e.value))
                entry = try cursor.next()
            }
        }
    }

    /// The postings chunks of a term, in doc order, as zero-copy views.
    public func postingsChunks(_ info: TermInfo) throws -> [PostingsChunk] {
        if let inline = info.inline {
            guard let chunk = PostingsChunk(inline.postings) else { throw IndexError.corrupt("inline postings of term \(info.termId)") }
            return [chunk]
        }
        let termId = info.termId
        let prefix = IndexFormat.bigEndian(termId)
        return try snapshot.withCursor(tables.postings) { cursor in
            var chunks: [PostingsChunk] = []
            var entry = try cursor.seek(atOrAfter: prefix)
            while let e = entry, e.key.starts(with: prefix) {
                guard let chunk = PostingsChunk(e.value) else { throw IndexError.corrupt("postings chunk of term \(termId) is truncated") }
                chunks.append(chunk)
                entry = try cursor.next()
            }
            return chunks
        }
    }

    /// The positions that belong to the term's postings chunk ending at `lastDoc`.
    public func positionsChunk(_ info: TermInfo, lastDoc: UInt32) throws -> PositionsChunk? {
        if let inline = info.inline { return PositionsChunk(inline.positions) }
        return try snapshot.get(tables.positions, key: IndexFormat.chunkKey(termId: info.termId, lastDoc: lastDoc))
            .flatMap(PositionsChunk.init)
    }

    /// The length of `field` in document `doc` as scoring sees it (``FieldLengths/length(_:)``:
    /// the decoded one-byte code; 0 for unknown documents). The exact count is in its record.
    @inline(__always)
    public func length(_ field: IndexField, _ doc: UInt32) -> UInt32 {
        lengths(field).length(doc)
    }

    /// The length codes of `field`, for scorers that look them up in a loop.
    public func lengths(_ field: IndexField) -> FieldLengths { FieldLengths(table: norms[Int(field.rawValue)]) }

    /// The values of `column`, for filters and sorting that read one per document.
    public func values(_ column: DocumentColumn) -> ColumnValues { ColumnValues(table: columns[Int(column.rawValue)]) }

    /// The documents carrying `label` (deleted ones included: skip them with ``isDeleted(_:)``).
    public func documents(with label: DocumentLabel) throws -> LabelDocs {
        let prefix = IndexFormat.labelPrefix(label)
        var pages = [UnsafeRawPointer?](repeating: nil, count: Int(statistics.nextDocId >> LabelPage.shift) + 1)
        try snapshot.withCursor(tables.labels) { cursor in
            var entry = try cursor.seek(atOrAfter: prefix)
            while let e = entry, e.key.count == prefix.count + 4, e.key.starts(with: prefix) {
                let page = Int(IndexFormat.readBigEndian(e.key, at: prefix.count))
                guard page < pages.count, e.value.count == LabelPage.bytes else {
                    throw IndexError.corrupt("labels: page \(page) of \(label.kind.name):\(label.value) is malformed")
                }
                pages[page] = e.value.baseAddress
                entry = try cursor.next()
            }
        }
        return LabelDocs(pages: pages, docLimit: statistics.nextDocId)
    }

    /// Every label of `kind` that some document (live or deleted) carries, in key order.
    public func labels(_ kind: DocumentLabel.Kind) throws -> [DocumentLabel] {
        var out: [DocumentLabel] = []
        try snapshot.withCursor(tables.labels) { cursor in
            var entry = try cursor.seek(atOrAfter: [kind.rawValue])
            while let e = entry, e.key.first == kind.rawValue, e.key.count >= 6 {
                let value = String(decoding: UnsafeRawBufferPointer(rebasing: e.key[1..<(e.key.count - 5)]), as: UTF8.self)
                out.append(DocumentLabel(kind, value))
                // Past this label's pages: its prefix with the separator raised from 0 to 1.
                entry = try cursor.seek(atOrAfter: Array(e.key[0..<(e.key.count - 5)]) + [1])
            }
        }
        return out
    }

    /// True when `doc` was deleted (or replaced) and waits for compaction.
    @inline(__always)
    public func isDeleted(_ doc: UInt32) -> Bool {
        guard let base = tombstones.page(Int(doc >> IndexFormat.tombstoneShift)) else { return false }
        let bit = Int(doc & ((1 << IndexFormat.tombstoneShift) - 1))
        return base.load(fromByteOffset: bit >> 3, as: UInt8.self) & (1 << UInt8(bit & 7)) != 0
    }

    /// The document-store block holding `doc` (the last one read is kept).
    private func block(containing doc: UInt32) throws -> DocumentBlock? {
        if let cached = cachedBlock, cached.contains(doc) { return cached }
        let found: DocumentBlock? = try snapshot.withCursor(tables.docstore) { cursor in
            guard let entry = try cursor.seek(atOrAfter: IndexFormat.docKey(doc)) else { return nil }
            let block = try DocumentBlock(decoding: entry.value, decompressor: decompressor)
            return block.contains(doc) ? block : nil
        }
        if found != nil { cachedBlock = found }
        return found
    }

    /// The stored record of `doc` (deleted documents keep theirs until compaction), or nil. It
    /// comes from the `records` table, a small group of records at a time (the last group read
    /// is kept), never from the document store.
    public func document(_ doc: UInt32) throws -> DocumentRecord? {
        try group(of: doc)?.record(at: RecordGroup.slot(of: doc))
    }

    /// The id and title of `doc` from its stored record, without decoding the rest of it (what a
    /// hit list shows), or nil.
    public func heading(_ doc: UInt32) throws -> (id: String, title: String)? {
        try group(of: doc)?.heading(at: RecordGroup.slot(of: doc))
    }

    /// The record group holding `doc` (the last one read is kept), or nil.
    private func group(of doc: UInt32) throws -> RecordGroup? {
        let number = doc >> RecordGroup.shift
        if cachedGroup?.number != number {
            guard let value = try snapshot.get(tables.records, key: RecordGroup.key(of: doc)) else { return nil }
            cachedGroup = (number, try RecordGroup(decoding: value, decompressor: decompressor))
        }
        return cachedGroup?.group
    }

    /// The indexed text of `doc` (what snippets are cut from), or nil for an unknown doc id.
    public func text(_ doc: UInt32) throws -> String? {
        try block(containing: doc)?.text(doc)
    }

    /// Calls `body` with the indexed text of `doc` as UTF-8 read in place from the decompressed
    /// block (no `String` is made; the bytes are valid only during the call); nil for an unknown
    /// doc id. What snippets read.
    public func withText<Result>(_ doc: UInt32, _ body: (UnsafeRawBufferPointer) throws -> Result) throws -> Result? {
        try block(containing: doc)?.withText(doc, body)
    }

    /// Calls `body` for every live document with its record and text, in doc-id order. Blocks keyed
    /// at or beyond the next doc id are not the index's (``DocumentStage``) and are left out.
    /// - Throws: ``IndexError/corrupt(_:)`` for a document with a text but no record.
    public func forEachLiveDocument(_ body: (UInt32, DocumentRecord, String) throws -> Void) throws {
        try snapshot.withCursor(tables.docstore) { cursor in
            var entry = try cursor.first()
            while let e = entry, IndexFormat.readBigEndian(e.key) < statistics.nextDocId {
                let block = try DocumentBlock(decoding: e.value, decompressor: decompressor)
                for (i, doc) in block.docs.enumerated() where !isDeleted(doc) {
                    guard let record = try document(doc) else { throw IndexError.corrupt("document \(doc) has no record") }
                    try body(doc, record, block.text(at: i))
                }
                entry = try cursor.next()
            }
        }
    }

    /// The live doc id of the document with external id `id`, or nil.
    public func docId(forId id: String) throws -> UInt32? {
        try snapshot.get(tables.ids, key: Array(id.utf8)).map { IndexFormat.readBigEndian($0) }
    }

    /// Calls `body` for each live document id with its external id, in external-id order.
    public func forEachId(_ body: (String, UInt32) throws -> Void) throws {
        try snapshot.withCursor(tables.ids) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                try body(String(decoding: e.key, as: UTF8.self), IndexFormat.readBigEndian(e.value))
                entry = try cursor.next()
            }
        }
    }

    /// Entries and bytes of each table, for `loupe stats`.
    public func tableStatistics() throws -> [(name: String, statistics: DatabaseStatistics)] {
        let t = tables
        return try [t.meta, t.terms, t.postings, t.positions, t.docstore, t.records, t.ids, t.norms, t.tombstones, t.labels, t.columns, t.problems]
            .map { ($0.name, try snapshot.statistics($0)) }
    }
}
