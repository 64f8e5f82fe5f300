import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization
import LoupeAnalysis
import LoupeCodec
import LoupeStorage

/// Adds and deletes documents, and commits them atomically.
///
/// Documents accumulate in memory until ``commit()``; every commit is one LMDB write
/// transaction, so a crash leaves the index at the previous commit, never in between. When the
/// batch outgrows the memory budget, ``add(_:)`` either commits by itself (``spillLimit`` 0), so
/// an interrupted bulk load keeps a consistent prefix of what it was given, or *flushes*: it
/// writes the batch's postings as a sorted run and its documents to unnamed temporary files in the
/// index directory (``SpilledBatches``) and frees their memory. A commit then merges the runs
/// term by term into one transaction, so a load of any size leaves the index one commit would: one
/// chunk per term, no rewritten pages. ``add(_:)`` commits once the spilled bytes reach
/// ``spillLimit`` (or the runs ``TermRunMerge/maxRuns``), which bounds the work a crash can lose.
///
/// Doc ids only grow: a commit gives its documents the next ids when it runs, inside its
/// transaction, so several writers (threads or processes) may work on one index at once; LMDB
/// runs their commits one at a time, each on the state the previous one left. Replacing a
/// document (adding one whose id exists) tombstones the old version; statistics (live documents,
/// lengths, document frequencies) are updated exactly at each commit; postings of deleted
/// documents stay on disk, skipped by readers, until compaction. A writer itself is used from
/// one thread. ``add(contentsOf:)`` analyzes and inverts a group of documents on several threads
/// (one ``InvertedBatch`` each); the commit merges their postings term by term, encoding the
/// chunks and compressing the document blocks on the same threads in rounds, while the
/// committing thread makes the transaction's reads and puts in key order: each round is encoded in
/// the background (``BackgroundWork``) while that thread puts the round before.
public final class IndexWriter {
    /// The index being written.
    public let index: Index
    /// Bytes of pending data after which ``add(_:)`` commits or flushes on its own.
    public let memoryBudget: Int
    /// Bytes of flushed batches after which ``add(_:)`` commits; 0 commits every batch that
    /// reaches the budget, never flushing.
    public let spillLimit: Int
    /// Whether a flush also spills its documents' records and texts, from which the commit packs
    /// every document itself if the stage is given up (``DocumentStaging``: another writer took
    /// doc ids or compacted meanwhile). Without them the flushes write less than half as much (94
    /// of 210 MB on the bench corpus), and a stage given up ends the load with ``StageLost``
    /// instead: `JSONLIndexer` then loads the file again with them.
    let fallbackSpill: Bool
    private let analyzer: Analyzer

    /// Threads that invert documents in ``add(contentsOf:)`` and encode a commit's chunks and blocks.
    public let workers: Int
    private var batches: [InvertedBatch]
    /// The pending documents still in memory: batch places from ``spilled``'s document count on.
    private var pending: [PendingDocument] = []
    /// The batches flushed since the last commit, if any.
    private(set) var spilled: SpilledBatches?
    /// The flushed documents' blocks and record groups written ahead of the commit.
    private var staging = DocumentStaging()
    /// Per field (raw-value order), the token count of each pending document by batch place: the
    /// commit looks a length up for every posting, and a dense column keeps that in cache.
    private(set) var pendingLengths = [[UInt32]](repeating: [], count: IndexField.allCases.count)
    /// The labels and column values of each pending document, by batch place.
    private(set) var metadata = PendingMetadata()
    private var operations: [Operation] = []
    /// The external id of each pending document, by batch place.
    private(set) var pendingIds = ExternalIdList()
    private var pendingTextBytes = 0

    struct PendingDocument {
        /// The document's place in the batch; the commit adds the index's next doc id to it.
        var doc: UInt32
        var record: DocumentRecord
        var text: String
    }

    /// One queued change, kept until the commit. Consecutive added documents are one operation
    /// (their ids are in ``pendingIds``), so a bulk load keeps a few per group, not one per
    /// document; the rare large cases are boxed (`indirect`).
    private enum Operation {
        /// Documents added, by batch place.
        case add(Range<UInt32>)
        case delete(String)
        indirect case touch(id: String, mtimeNanoseconds: Int64, size: UInt64, modified: Int64)
        indirect case recordProblem(FileProblem)
        case clearProblem(path: String)
    }

    /// Creates the writer.
    /// - Parameters:
    ///   - workers: threads that invert documents (default: the active processors, at most 4).
    ///   - spillLimit: bytes of flushed batches after which ``add(_:)`` commits (0: never flush).
    public convenience init(
        index: Index, memoryBudget: Int = IndexingOptions().memoryBudget, workers: Int? = nil, spillLimit: Int = 0
    ) throws {
        try self.init(index: index, memoryBudget: memoryBudget, workers: workers, spillLimit: spillLimit, fallbackSpill: true)
    }

    /// Creates the writer; with `fallbackSpill` false, its flushes do not spill what a given-up
    /// stage needs (``fallbackSpill``), and losing the stage throws ``StageLost``.
    init(index: Index, memoryBudget: Int, workers: Int?, spillLimit: Int, fallbackSpill: Bool) throws {
        self.index = index
        self.memoryBudget = memoryBudget
        self.spillLimit = max(0, spillLimit)
        self.fallbackSpill = fallbackSpill
        self.analyzer = index.analyzer
        self.workers = max(1, workers ?? min(ProcessInfo.processInfo.activeProcessorCount, 4))
        batches = (0..<self.workers).map { _ in InvertedBatch() }
    }

    /// The memory the pending batch takes: what it holds now plus what committing it will add
    /// (``commitBytes``). ``add(_:)`` commits once this reaches ``memoryBudget``; when it may
    /// flush, once what it holds (``heldBytes``) does.
    public var pendingBytes: Int { heldBytes + commitBytes }

    /// Bytes the pending batch holds: the workers' postings pools and dictionaries (exact), the
    /// texts, ids and titles, and per document its record, lengths and operation.
    var heldBytes: Int {
        batches.reduce(0) { $0 + $1.memoryBytes } + pendingTextBytes + pending.count * Self.documentBytes
    }

    /// Bytes a commit of the pending batch adds while it runs. LMDB keeps every page a write
    /// transaction writes in memory until the commit: the new chunks (about the size of the
    /// pending postings), the compressed texts (under half the texts' size), the records, and a
    /// copy of each `terms` page it updates; the merge keeps the key order of the batches' terms.
    var commitBytes: Int {
        let terms = batches.reduce(0) { $0 + $1.interner.count }
        let postings = batches.reduce(0) { $0 + $1.streamBytes }
        return postings + pendingTextBytes / 2 + pending.count * Self.documentBytes / 2 + terms * Self.termCommitBytes
    }

    /// A pending document's record, lengths and operation, beside its strings.
    private static let documentBytes = 192
    /// Per distinct term of a batch at commit: its place in the merged order, its sorted slot,
    /// its `TermInfo` and its share of the rewritten `terms` pages.
    private static let termCommitBytes = 96

    private var postingsCount: Int { batches.reduce(0) { $0 + $1.postings } + (spilled?.postings ?? 0) }

    /// Documents waiting for the next commit, flushed or in memory.
    public var pendingDocuments: Int { (spilled?.documentCount ?? 0) + pending.count }

    /// Bytes of the batches flushed since the last commit.
    public var spilledBytes: Int { spilled?.bytes ?? 0 }

    /// Queues `document`, replacing any document with the same id at commit.
    /// - Returns: the summary of a commit made because the memory budget was reached, if any.
    @discardableResult
    public func add(_ document: DocumentInput) throws -> CommitSummary? {
        try add(contentsOf: [document])
    }

    /// Queues `documents` in order (a later one replaces an earlier one with the same id),
    /// analyzing them on ``workers`` threads.
    /// - Returns: the summary of a commit made because the memory budget was reached, if any.
    @discardableResult
    public func add(contentsOf documents: [DocumentInput]) throws -> CommitSummary? {
        guard !documents.isEmpty else { return nil }
        guard pendingDocuments + documents.count < Int(UInt32.max) else { throw IndexError.corrupt("too many documents in one batch") }
        let first = UInt32(pendingDocuments)
        let start = pending.count
        invert(documents, firstDoc: first)
        if case .add(let places) = operations.last, places.upperBound == first {
            operations[operations.count - 1] = .add(places.lowerBound..<(first + UInt32(documents.count)))
        } else {
            operations.append(.add(first..<(first + UInt32(documents.count))))
        }
        // By index, not by copies of the documents and records: this runs while the workers wait.
        for i in documents.indices {
            pendingIds.append(documents[i].id)
            for field in IndexField.allCases { pendingLengths[Int(field.rawValue)].append(pending[start + i].record.length(field)) }
            metadata.append(pending[start + i].record)
            pendingTextBytes += documents[i].text.utf8.count + documents[i].title.utf8.count + documents[i].id.utf8.count
        }
        let nearlyFull = batches.contains(where: \.isNearlyFull)
        guard spillLimit > 0 else {
            guard pendingBytes >= memoryBudget || nearlyFull else { return nil }
            return try commit()
        }
        guard heldBytes >= memoryBudget || nearlyFull else { return nil }
        try flush()
        guard spilledBytes >= spillLimit || (spilled?.runs.count ?? 0) >= TermRunMerge.maxRuns else { return nil }
        return try commit()
    }

    /// Writes the batches in memory to the spill files (a sorted run of their postings, and their
    /// documents' records on another thread meanwhile), stages their documents' blocks and record
    /// groups (``DocumentStaging``, which spills the blocks' values as the documents' texts), and
    /// frees them; the documents stay pending until the next commit. On a throw (a full disk, an
    /// unwritable directory) nothing of the flush remains in the files and the batches stay in
    /// memory.
    func flush() throws {
        guard !pending.isEmpty else { return }
        let spilled = try self.spilled ?? SpilledBatches(in: index.path)
        self.spilled = spilled
        let documents = pending
        let fallback = fallbackSpill
        try spilled.flush(documents: pending.count, postings: postingsCount - spilled.postings, writeRun: writeRun) { file in
            guard fallback else { return }
            try file.appendEntries(documents) { DocumentSpill.appendRecord($0.record, to: &$1) }
        } writeTexts: { file in
            // Their blocks and records go into the index now, so the commit need not hold their pages.
            staging.stage(documents, index: index, workers: workers, texts: fallback ? file : nil)
            guard staging.cancelled else { return }
            guard fallback else { throw StageLost() }
            // Given up: the texts no staged block holds are spilled as they are.
            try file.appendEntries(staging.openRun.map(\.text) + documents.map(\.text)) { DocumentSpill.appendText($0, to: &$1) }
        }
        if staging.cancelled { staging.forgetOpenRun() }
        // The memory stays with malloc: the next batch, inverted on the same threads, takes it
        // again (handing it back and faulting it in anew cost about 4 % of a load's wall time).
        // The commit hands it back before its merge (`returnFreedMemory`).
        clearBatches()
        // Its capacity is kept for the next batch, which would otherwise grow it anew by doubling:
        // copies into fresh pages on this thread while the workers wait.
        pending.removeAll(keepingCapacity: true)
        pendingTextBytes = 0
    }

    /// Hands the heap memory freed by the last flush or a commit back to the system
    /// (`malloc_trim`). The texts and records were allocated on the workers' threads, so malloc
    /// keeps them in those threads' arenas, where the committing thread's allocations (LMDB's
    /// dirty pages) cannot reuse them: without this, a merge's pages would come on top of the last
    /// batch's memory.
    static func returnFreedMemory() {
        _ = mallocTrim?(0)
    }

    /// glibc's `malloc_trim`, which its Swift module does not export (it lives in `<malloc.h>`);
    /// nil under another C library.
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()

    /// Appends the batches' postings to `file` as one sorted run (``TermRun``), merging them term
    /// by term on the workers in rounds, as a commit does.
    func writeRun(_ file: SpillFile) throws {
        let width = batches.count
        let slots = TermMerge(batches.map(\.interner)).slotsInKeyOrder()
        let termCount = slots.count / width
        var start = 0
        while start < termCount {
            let pieces = nextPieces(slots, from: start, width: width)
            let results = Self.onWorkers(pieces, slots, batches, empty: [UInt8]()) { encoder, row, readers, out in
                encoder.appendRunEntry(slots: row, readers: readers, to: &out)
            }
            for bytes in results { try file.append(bytes) }
            start = pieces.last!.upperBound
        }
    }

    /// Inverts `documents` (batch places from `firstDoc` on) into the batches and appends them,
    /// with their records, to ``pending``. The workers take the documents in order,
    /// ``inversionChunk`` at a time, from a shared counter, each into its own batch (so a batch's
    /// documents come in increasing places, and the streams of a term are merged in doc order at
    /// the flush or commit): a worker the system preempts (for the reading thread, a flush's
    /// spill, another process) takes fewer chunks instead of holding the others at the end of the
    /// group.
    private func invert(_ documents: [DocumentInput], firstDoc: UInt32) {
        let threads = documents.count < 64 ? 1 : workers
        let inverted = UnsafeMutableBufferPointer<PendingDocument?>.allocate(capacity: documents.count)
        inverted.initialize(repeating: nil)
        // The documents are moved out at the end, which leaves the buffer uninitialized.
        defer { inverted.deallocate() }
        let analyzer = self.analyzer
        let claimed = Atomic<Int>(0)
        batches.withUnsafeMutableBufferPointer { batches in
            let shared = WorkerBuffers(batches: batches, documents: inverted)
            DispatchQueue.concurrentPerform(iterations: threads) { w in
                while true {
                    let start = claimed.add(Self.inversionChunk, ordering: .relaxed).oldValue
                    guard start < documents.count else { return }
                    for i in start..<min(start + Self.inversionChunk, documents.count) {
                        let document = documents[i]
                        let doc = firstDoc + UInt32(i)
                        var lengths = [UInt32](repeating: 0, count: IndexField.allCases.count)
                        let titleText = TitleFieldText.of(title: document.title, id: document.id, source: document.source)
                        lengths[Int(IndexField.body.rawValue)] = shared.batches[w].invert(document.text, field: .body, doc: doc, analyzer: analyzer)
                        lengths[Int(IndexField.title.rawValue)] = shared.batches[w].invert(titleText, field: .title, doc: doc, analyzer: analyzer)
                        lengths[Int(IndexField.path.rawValue)] = shared.batches[w].invert(document.id, field: .path, doc: doc, analyzer: analyzer)
                        var metadata = document.metadata
                        metadata.ext = DocumentLabel.normalizedExtension(metadata.ext)
                        let record = DocumentRecord(
                            id: document.id, title: document.title, source: document.source, contentHash: document.contentHash,
                            mtimeNanoseconds: document.mtimeNanoseconds, size: document.size, lengths: lengths, metadata: metadata)
                        shared.documents[i] = PendingDocument(doc: doc, record: record, text: document.text)
                    }
                }
            }
        }
        // Moved, not copied: a copy retains every string and array of every record, and freeing
        // the buffer then releases them all, on this thread while the other workers wait.
        for i in documents.indices { pending.append((inverted.baseAddress! + i).move()!) }
    }

    /// Documents a worker takes at a time in ``invert(_:firstDoc:)``: small enough that the
    /// workers finish a group within a few documents of each other, large enough that a frequent
    /// term's postings stay in long runs of one batch (the merge copies a run in one go).
    static let inversionChunk = 32

    /// Queues the deletion of the document with external id `id` (no effect if there is none).
    public func delete(id: String) {
        operations.append(.delete(id))
    }

    /// Queues an update of the stored mtime, size and modification date of document `id` whose
    /// content is unchanged, so the next run recognises it without reading it and filters see its
    /// new date and size. `modified` (seconds since 1970) defaults to the mtime's seconds, as
    /// ``DocumentInput``'s metadata does.
    public func touch(id: String, mtimeNanoseconds: Int64, size: UInt64, modified: Int64? = nil) {
        operations.append(.touch(id: id, mtimeNanoseconds: mtimeNanoseconds, size: size, modified: modified ?? mtimeNanoseconds / 1_000_000_000))
    }

    /// Queues an entry of the problem ledger for `problem.path`, replacing any entry there.
    public func recordProblem(_ problem: FileProblem) {
        operations.append(.recordProblem(problem))
    }

    /// Queues the removal of the problem ledger's entry for `path` (no effect if there is none).
    public func clearProblem(path: String) {
        operations.append(.clearProblem(path: path))
    }

    /// Writes everything pending in one transaction and makes it visible to new readers.
    /// On a throw nothing of the batch is written and the batch stays pending.
    @discardableResult
    public func commit() throws -> CommitSummary {
        guard !operations.isEmpty else { return CommitSummary() }
        // With batches flushed, the rest goes too: the merge then reads every term from the runs,
        // and the memory of the batches is free for the transaction's pages.
        if spilled != nil {
            try flush()
            Self.returnFreedMemory()
        }
        let summary = try index.environment.write { txn in try write(txn) }
        rollback()
        if spillLimit > 0 { Self.returnFreedMemory() }
        // The commit read pages of the ids, records and norms too; the next batch needs that memory.
        index.environment.releaseMappedPages()
        return summary
    }

    /// Drops everything pending.
    public func rollback() {
        clearBatches()
        spilled = nil
        staging = DocumentStaging()
        pending.removeAll()
        pendingLengths = [[UInt32]](repeating: [], count: IndexField.allCases.count)
        metadata = PendingMetadata()
        operations.removeAll()
        pendingIds.removeAll()
        pendingTextBytes = 0
    }

    /// Empties the batches in memory.
    private func clearBatches() {
        // A batch holds a buffer per term: the workers free them, one batch each.
        batches.withUnsafeMutableBufferPointer { batches in
            let shared = DisjointBuffer(elements: batches)
            DispatchQueue.concurrentPerform(iterations: batches.count) { w in shared.elements[w] = InvertedBatch() }
        }
    }

    // MARK: - The commit transaction (repeatable: it reads the batch and never changes it)

    private func write(_ txn: borrowing WriteTransaction) throws -> CommitSummary {
        let t = index.tables
        let statsKey = Array("stats".utf8)
        guard let statsBytes = try txn.get(t.meta, key: statsKey) else { throw IndexError.corrupt("meta/stats is missing") }
        var stats = try IndexStatistics(decoding: statsBytes)
        var summary = CommitSummary()
        summary.postings = postingsCount
        // The batch's documents take the next doc ids as of this transaction.
        let base = stats.nextDocId
        let count = pendingDocuments
        guard UInt64(base) + UInt64(count) < UInt64(UInt32.max) else {
            throw IndexError.corrupt("doc ids exhausted; run `loupe compact`")
        }

        // What this writer staged, if its stage still stands; taking ids cancels any other stage,
        // and strays of a cancelled or killed one in the range taken go.
        let staged = try staging.staged(in: txn, base: base, meta: t.meta)
        // Without the fallback spill, flushed documents exist only in the stage.
        if staged == nil, !fallbackSpill, (spilled?.documentCount ?? 0) > 0 { throw StageLost() }
        if count > 0 {
            let end = base + UInt32(count)
            _ = try txn.delete(t.meta, key: DocumentStage.key)
            try DocumentStage.deleteStrayBlocks(in: (base + (staged?.blocksEnd ?? 0))..<end, docstore: t.docstore, txn)
            try DocumentStage.deleteStrayGroups(in: (staged?.recordGroups.upperBound ?? base)..<end, records: t.records, txn)
        }

        // The documents' norms, labels and columns are built on a thread of their own while the terms
        // are merged; only the pages an earlier commit began are read first.
        var pages: DocumentPagesHandOver?
        if count > 0 {
            let begun = try DocumentPages.Begun(txn, t, base: base, metadata: metadata)
            let lengths = pendingLengths, metadata = self.metadata
            pages = DocumentPagesHandOver { DocumentPages(base: base, lengths: lengths, metadata: metadata, begun: begun) }
        }
        // Ids and deletions, in the order they were asked for; but when no deletion or touch comes
        // before an addition (a bulk load), the added documents' ids go first, in key order, put
        // between the rounds of the term merge.
        let idsFirst = addsComeFirst
        var between = BetweenRounds(pages: pages, ids: idsFirst ? try AddedIdPuts(pendingIds, base: base, table: t.ids, txn) : nil)
        try writeTerms(txn, base, &stats, &summary, &between)
        try writeDocuments(txn, base, staged)
        if let totals = try between.pages?.put(txn, t) {
            for field in IndexField.allCases { stats.totalLengths[Int(field.rawValue)] += totals[Int(field.rawValue)] }
            stats.liveDocs += UInt32(count)
        }
        var ids: SortedPuts
        var deletions: [UInt32] = []
        if var added = between.ids {
            try added.put(txn)
            (ids, deletions) = (added.puts, added.deletions)
            summary.added += count
        } else {
            ids = try SortedPuts(t.ids, txn)
        }
        var read = TombstoneReads()
        for operation in operations {
            switch operation {
            case .add(let places):
                guard !idsFirst else { continue }
                for doc in places {
                    let key = pendingIds.key(Int(doc))
                    if let old = try txn.get(t.ids, key: key) { deletions.append(IndexFormat.readBigEndian(old)) }
                    try ids.put(key, IndexFormat.docKey(base + doc), txn)
                }
                summary.added += places.count
            case .delete(let id):
                let key = Array(id.utf8)
                if let old = try txn.get(t.ids, key: key) {
                    deletions.append(IndexFormat.readBigEndian(old))
                    try txn.delete(t.ids, key: key)
                }
            case .touch(let id, let mtime, let size, let modified):
                guard let doc = try txn.get(t.ids, key: Array(id.utf8)).map({ IndexFormat.readBigEndian($0) }) else { continue }
                let key = RecordGroup.key(of: doc)
                guard let bytes = try txn.get(t.records, key: key) else { throw IndexError.corrupt("document \(doc) has no record") }
                var group = try RecordGroup(decoding: bytes)
                guard var record = try group.record(at: RecordGroup.slot(of: doc)) else {
                    throw IndexError.corrupt("document \(doc) has no record")
                }
                record.mtimeNanoseconds = mtime
                record.size = size
                record.metadata.modified = modified
                group.replace(at: RecordGroup.slot(of: doc), with: record)
                try txn.put(t.records, key: key, value: group.encoded())
                for column in DocumentColumn.allCases {
                    let columnKey = IndexFormat.columnKey(column, page: doc >> ColumnPage.shift)
                    guard let bytes = try txn.get(t.columns, key: columnKey) else { throw IndexError.corrupt("document \(doc) has no \(column.name)") }
                    var page = Array(bytes)
                    ColumnPage.store(column.value(of: record), for: doc, in: &page)
                    try txn.put(t.columns, key: columnKey, value: page)
                }
            case .recordProblem(let problem):
                try txn.put(t.problems, key: IndexFormat.problemKey(path: problem.path), value: ProblemLedger.encoded(problem))
            case .clearProblem(let path):
                _ = try txn.delete(t.problems, key: IndexFormat.problemKey(path: path))
            }
        }
        // In doc order, neighbours share their document block and record group (``TombstoneReads``).
        deletions.sort()
        for doc in deletions where try tombstone(doc, txn, &stats, &read) { summary.deleted += 1 }
        stats.nextDocId = base + UInt32(count)
        try txn.put(t.meta, key: statsKey, value: stats.encoded())
        try CommitNumber.stamp(txn, meta: t.meta)
        return summary
    }

    /// True when no deletion or touch is queued before an addition: the added documents' ids can then
    /// be put before every other operation, as ``AddedIdPuts`` puts them.
    private var addsComeFirst: Bool {
        guard let last = operations.lastIndex(where: { if case .add = $0 { true } else { false } }) else { return false }
        return !operations[..<last].contains { operation in
            switch operation {
            case .delete, .touch: true
            case .add, .recordProblem, .clearProblem: false
            }
        }
    }

    private func writeTerms(
        _ txn: borrowing WriteTransaction, _ base: UInt32, _ stats: inout IndexStatistics, _ summary: inout CommitSummary,
        _ between: inout BetweenRounds
    ) throws {
        let t = index.tables
        // Until these puts are done, nothing else changes the three tables.
        var terms = try SortedPuts(t.terms, txn, onlyWriter: true)
        var postingsTable = try SortedPuts(t.postings, txn, onlyWriter: true)
        var positionsTable = try SortedPuts(t.positions, txn, onlyWriter: true)
        // Average lengths of the committed and pending documents: they make the block impacts tight.
        let averageLengths = IndexField.allCases.map { field in
            let total = stats.totalLengths[Int(field.rawValue)] + pendingLengths[Int(field.rawValue)].reduce(0) { $0 + UInt64($1) }
            let count = UInt64(stats.liveDocs) + UInt64(pendingDocuments)
            return count == 0 ? 1 : Double(total) / Double(count)
        }
        if let spilled {
            try writeTerms(from: spilled, txn, base, averageLengths, &terms, &postingsTable, &positionsTable, &stats, &summary, &between)
            return
        }
        let width = batches.count
        let slots = TermMerge(batches.map(\.interner)).slotsInKeyOrder()
        let termCount = slots.count / width
        let committing = CommittingBatches(batches: batches), columns = pendingLengths
        between.spread(over: batches.reduce(0) { $0 + $1.streamBytes } / (Self.pieceBytes * Self.piecesPerWorker * workers))
        // A round is encoded in the background while this thread puts the round before.
        var encoding: BackgroundWork<[EncodedTerms]>?
        var start = 0
        while start < termCount {
            let pieces = nextPieces(slots, from: start, width: width)
            let next = BackgroundWork {
                Self.onWorkers(pieces, slots, committing.batches, empty: EncodedTerms()) { encoder, row, readers, out in
                    encoder.encode(slots: row, readers: readers, base: base, lengths: columns, averageLengths: averageLengths, into: &out)
                }
            }
            if let encoding { try put(encoding.result(), txn, &terms, &postingsTable, &positionsTable, &stats, &summary, &between) }
            encoding = next
            start = pieces.last!.upperBound
        }
        if let encoding { try put(encoding.result(), txn, &terms, &postingsTable, &positionsTable, &stats, &summary, &between) }
    }

    /// Writes the terms of the flushed runs, merged term by term (``TermRunMerge``) in rounds whose
    /// pieces are encoded on the workers, as ``writeTerms(_:_:_:_:)`` does for batches in memory.
    /// A round is encoded in the background while this thread reads the next one from the runs and
    /// puts the one before.
    private func writeTerms(
        from spilled: SpilledBatches, _ txn: borrowing WriteTransaction, _ base: UInt32, _ averageLengths: [Double],
        _ terms: inout SortedPuts, _ postingsTable: inout SortedPuts, _ positionsTable: inout SortedPuts,
        _ stats: inout IndexStatistics, _ summary: inout CommitSummary, _ between: inout BetweenRounds
    ) throws {
        between.spread(over: spilled.terms.size / mergeRoundBytes)
        var merge = try TermRunMerge(spilled.terms, regions: spilled.runs)
        defer { merge.close() }
        let columns = pendingLengths
        var encoding: BackgroundWork<[EncodedTerms]>?
        var untrimmed = 0
        var round = TermRunMerge.Round()
        while try merge.next(&round, bytes: mergeRoundBytes) {
            let pieces = Self.pieces(of: round)
            let next = BackgroundWork { [round, pieces] in try Self.encode(pieces, round, base, columns, averageLengths) }
            if let encoding { untrimmed += try put(encoding.result(), txn, &terms, &postingsTable, &positionsTable, &stats, &summary, &between) }
            encoding = next
            // The rounds' chunks were allocated on the workers and freed here, into their arenas.
            if untrimmed >= Self.trimBytes {
                Self.returnFreedMemory()
                untrimmed = 0
            }
        }
        if let encoding { try put(encoding.result(), txn, &terms, &postingsTable, &positionsTable, &stats, &summary, &between) }
        Self.returnFreedMemory()
        // The runs are read: the transaction's commit writes its pages into the memory they held
        // in the page cache (``SpillFile/releaseCache(from:)``). A rerun reads them from disk.
        spilled.terms.releaseCache()
    }

    /// Puts the encoded terms of one round, in order, and what goes in between rounds
    /// (``BetweenRounds``), then unmaps the pages it looked up; returns the bytes of the round's terms.
    @discardableResult
    private func put(
        _ round: [EncodedTerms], _ txn: borrowing WriteTransaction, _ terms: inout SortedPuts, _ postingsTable: inout SortedPuts,
        _ positionsTable: inout SortedPuts, _ stats: inout IndexStatistics, _ summary: inout CommitSummary,
        _ between: inout BetweenRounds
    ) throws -> Int {
        var bytes = 0
        var value: [UInt8] = []
        var lookedUp = false
        for piece in round {
            try piece.forEach { term in
                if try put(term, txn, &terms, &postingsTable, &positionsTable, &stats, value: &value) { lookedUp = true }
            }
            summary.terms += piece.count
            bytes += piece.byteCount
        }
        if try between.put(txn, index.tables) { lookedUp = true }
        // Looking the round's terms up mapped their `terms` pages; later rounds read others. A
        // round that looked nothing up (a bulk load into a fresh index) mapped a page or two at
        // most, and unmapping reads `/proc/self/maps` (5 % of the committing thread's merge).
        if lookedUp { index.environment.releaseMappedPages() }
        return bytes
    }

    /// Bytes of chunks a merge of flushed runs puts between two ``returnFreedMemory()``s: the
    /// workers reuse most of what a round frees for the next one, and trimming walks every arena
    /// (it cost a tenth of the committing thread's time when done after each round).
    private static let trimBytes = 32 << 20

    /// The cost (``TermRunMerge/Round/cost``) a round of a merge of flushed runs is cut at.
    var mergeRoundBytes: Int { Self.pieceBytes * Self.mergePiecesPerWorker * workers }

    /// A merge round cut in pieces of work of about ``pieceBytes`` each (its terms' bytes, and
    /// ``TermRunMerge/Round/termCost`` per term).
    static func pieces(of round: TermRunMerge.Round) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var first = 0, bytes = 0
        for term in round.terms.indices {
            bytes += round.byteCount(term) + TermRunMerge.Round.termCost
            if bytes >= Self.pieceBytes || term == round.terms.count - 1 {
                pieces.append(first..<(term + 1))
                first = term + 1
                bytes = 0
            }
        }
        return pieces
    }

    /// Encodes the terms of `pieces` of a merge round on the workers; the result
    /// holds each piece's terms in order.
    static func encode(
        _ pieces: [Range<Int>], _ round: TermRunMerge.Round, _ base: UInt32, _ columns: [[UInt32]], _ averageLengths: [Double]
    ) throws -> [EncodedTerms] {
        let results = UnsafeMutableBufferPointer<Result<EncodedTerms, any Error>>.allocate(capacity: pieces.count)
        results.initialize(repeating: .success(EncodedTerms()))
        defer { results.deinitialize().deallocate() }
        round.arena.withUnsafeBytes { arena in
            let shared = RoundBuffers(arena: arena, results: results)
            DispatchQueue.concurrentPerform(iterations: pieces.count) { p in
                var encoder = TermChunkEncoder()
                var out = EncodedTerms()
                shared.results[p] = Result {
                    for term in pieces[p] {
                        let (key, parts) = round.terms[term]
                        try encoder.encode(
                            key: UnsafeRawBufferPointer(rebasing: shared.arena[key]),
                            parts: parts.lazy.map { UnsafeRawBufferPointer(rebasing: shared.arena[round.parts[$0]]) },
                            base: base, lengths: columns, averageLengths: averageLengths, into: &out)
                    }
                    return out
                }
            }
        }
        return try results.map { try $0.get() }
    }

    /// Pending-postings bytes per piece of encoding work, and pieces per round: a round's chunks
    /// are held in memory until its puts, and its pieces are spread over the workers.
    private static let pieceBytes = 1 << 20, piecesPerWorker = 4
    /// Pieces per worker in a round of a merge of flushed runs: its encoded terms (two arrays
    /// each, most of them a few bytes) are held until its puts, beside the commit's dirty pages.
    private static let mergePiecesPerWorker = 2

    /// The next round of encoding work from term `start` on (in key order): contiguous ranges of
    /// terms of about ``pieceBytes`` of pending postings each.
    private func nextPieces(_ slots: [Int32], from start: Int, width: Int) -> [Range<Int>] {
        let termCount = slots.count / width
        var pieces: [Range<Int>] = []
        var end = start
        while pieces.count < Self.piecesPerWorker * workers && end < termCount {
            let first = end
            var bytes = 0
            while end < termCount && bytes < Self.pieceBytes {
                for b in 0..<width where slots[end * width + b] >= 0 {
                    bytes += batches[b].byteCount(slot: Int(slots[end * width + b])) + 16
                }
                end += 1
            }
            pieces.append(first..<end)
        }
        return pieces
    }

    /// Runs `body` for every term of `pieces` (in key order, its row of `slots`: its slot in each
    /// batch) on the workers, a piece at a time, with one ``TermChunkEncoder`` and one result per
    /// piece, which starts as `empty`, reading the batches through ``InvertedBatch/Reader``s made
    /// once per piece; returns the results in piece order. How a flush writes its run and a
    /// commit from memory encodes its chunks.
    private static func onWorkers<Piece: Sendable>(
        _ pieces: [Range<Int>], _ slots: [Int32], _ batches: [InvertedBatch], empty: Piece,
        _ body: @escaping @Sendable (
            inout TermChunkEncoder, _ row: UnsafeBufferPointer<Int32>, _ readers: UnsafeBufferPointer<InvertedBatch.Reader>, inout Piece
        ) -> Void
    ) -> [Piece] {
        let width = batches.count
        let results = UnsafeMutableBufferPointer<Piece>.allocate(capacity: pieces.count)
        results.initialize(repeating: empty)
        defer { results.deinitialize().deallocate() }
        batches.withUnsafeBufferPointer { batches in
            slots.withUnsafeBufferPointer { slots in
                let shared = PieceBuffers(batches: batches, slots: slots, results: results)
                DispatchQueue.concurrentPerform(iterations: pieces.count) { p in
                    var encoder = TermChunkEncoder()
                    var out = empty
                    InvertedBatch.withReaders(shared.batches) { readers in
                        for term in pieces[p] {
                            body(&encoder, UnsafeBufferPointer(rebasing: shared.slots[(term * width)..<((term + 1) * width)]), readers, &out)
                        }
                    }
                    shared.results[p] = out
                }
            }
        }
        return Array(results)
    }

    /// Writes one encoded term: its `terms` entry (new or grown), and its chunks, inlined in the
    /// entry for a new term with fewer than a block of documents. `value` is scratch for the entry.
    /// Returns whether it looked the term up in the table.
    @discardableResult
    private func put(
        _ term: EncodedTerms.Term, _ txn: borrowing WriteTransaction, _ terms: inout SortedPuts, _ postingsTable: inout SortedPuts,
        _ positionsTable: inout SortedPuts, _ stats: inout IndexStatistics, value: inout [UInt8]
    ) throws -> Bool {
        let t = index.tables
        var info: TermInfo
        var isNew = false
        // Terms come in key order: one past the table's last key is new, with no look-up.
        let lookUp = terms.mayHold(term.key)
        if lookUp, let existing = try txn.get(t.terms, key: term.key) {
            info = try TermInfo(decoding: existing)
            if let inline = info.inline {
                // The term grows: its inlined chunk moves out next to the new one.
                guard let chunk = PostingsChunk(inline.postings) else { throw IndexError.corrupt("inline postings of a term") }
                let outKey = IndexFormat.chunkKey(termId: info.termId, lastDoc: chunk.lastDoc)
                let postingsBytes = Array(inline.postings), positionsBytes = Array(inline.positions)
                try postingsTable.put(outKey, postingsBytes, txn)
                try positionsTable.put(outKey, positionsBytes, txn)
                info.inline = nil
            }
        } else {
            info = TermInfo(termId: stats.nextTermId, docFreq: 0, totalTermFreq: 0)
            stats.nextTermId += 1
            isNew = true
        }
        info.docFreq += term.docCount
        info.totalTermFreq += term.totalTermFreq
        if isNew && term.docCount < BitPacking.blockSize {
            info.encode(inlinePostings: term.postings, inlinePositions: term.positions, into: &value)
            try value.withUnsafeBytes { try terms.put(term.key, $0, txn) }
        } else {
            info.encode(inlinePostings: nil, inlinePositions: nil, into: &value)
            try value.withUnsafeBytes { try terms.put(term.key, $0, txn) }
            try IndexFormat.chunkKey(termId: info.termId, lastDoc: term.lastDoc).withUnsafeBytes { chunkKey in
                try postingsTable.put(chunkKey, term.postings, txn)
                try positionsTable.put(chunkKey, term.positions, txn)
            }
        }
        return lookUp
    }

    /// Document runs (``DocumentBlockPacker/runSize``) packed at once on the workers: a round's
    /// texts are held until their blocks are put.
    private static let runsPerWorker = 2

    /// Writes the record groups and document blocks of the pending documents, completing the group
    /// an earlier commit began. With a stage standing (`staged`), only what the flushes left open,
    /// which the stage holds in memory; otherwise every document, from the spill then from memory.
    /// Their norms, labels and columns are ``DocumentPages``.
    private func writeDocuments(_ txn: borrowing WriteTransaction, _ base: UInt32, _ staged: DocumentStaging.Staged?) throws {
        let t = index.tables
        // The strays are deleted already, and touches change records after these puts.
        var docstore = try SortedPuts(t.docstore, txn, onlyWriter: true)
        var records = try SortedPuts(t.records, txn, onlyWriter: true)
        let layout = index.environment.pageLayout
        if let staged {
            let compressor = Zstd.Compressor()
            if !staged.head.isEmpty {
                var group = try begunGroup(base, txn)
                for record in staged.head { group.append(encoded: record) }
                try records.put(RecordGroup.key(of: base), group.encoded(compressor: compressor), txn)
            }
            if !staged.openGroup.records.isEmpty {
                try records.put(RecordGroup.key(of: staged.recordGroups.upperBound), staged.openGroup.encoded(compressor: compressor), txn)
            }
            if !staged.openRun.isEmpty {
                for block in DocumentBlockPacker.encode([staged.openRun], layout: layout, threads: workers) {
                    try docstore.put(IndexFormat.docKey(block.lastDoc), block.value, txn)
                }
            }
            return
        }
        var packer = DocumentBlockPacker()
        var round = DocumentRound()
        var pipeline = DocumentRoundPipeline(layout: layout, threads: workers)
        // The group being filled: the records an earlier commit left in it, then this commit's.
        var begun = RecordGroup(records: []), group: [DocumentRecord] = []
        var documents = PendingDocuments(spilled: spilled, openRun: staging.openRun, memory: pending)
        defer { documents.close() }
        var lastDoc: UInt32?
        while let (place, record, text) = try documents.nextDocument() {
            let doc = base + place
            if place == 0 {
                begun = try begunGroup(doc, txn)
            } else if RecordGroup.slot(of: doc) == 0 {
                round.groups.append((doc - 1, begun, group))
                begun = RecordGroup(records: [])
                group.removeAll()
            }
            group.append(record)
            if let run = packer.group(doc, text) {
                round.runs.append(run)
                if round.runs.count == Self.runsPerWorker * workers { try putDocuments(&round, &pipeline, &docstore, &records, txn) }
            }
            lastDoc = doc
        }
        if let lastDoc { round.groups.append((lastDoc, begun, group)) }
        if let run = packer.finishGroup() { round.runs.append(run) }
        try putDocuments(&round, &pipeline, &docstore, &records, txn)
        try putDocuments(&round, &pipeline, &docstore, &records, txn)
    }

    /// The record group holding `doc`, the first doc id of a commit, as an earlier commit left it
    /// (empty when `doc` starts a group).
    private func begunGroup(_ doc: UInt32, _ txn: borrowing WriteTransaction) throws -> RecordGroup {
        guard RecordGroup.slot(of: doc) > 0 else { return RecordGroup(records: []) }
        let group = try txn.get(index.tables.records, key: RecordGroup.key(of: doc)).map { try RecordGroup(decoding: $0) } ?? RecordGroup(records: [])
        guard group.records.count == RecordGroup.slot(of: doc) else {
            throw IndexError.corrupt("records: the group of doc \(doc) holds \(group.records.count) records")
        }
        return group
    }

    /// Hands `round` to `pipeline` (``DocumentRoundPipeline``) and puts the blocks and groups of
    /// the round handed in before: one round is compressed while this thread reads the documents
    /// of the next. With `round` empty it only puts what is pending.
    private func putDocuments(
        _ round: inout DocumentRound, _ pipeline: inout DocumentRoundPipeline,
        _ docstore: inout SortedPuts, _ records: inout SortedPuts, _ txn: borrowing WriteTransaction
    ) throws {
        guard let encoded = try pipeline.hand(&round) else { return }
        for block in encoded.blocks { try docstore.put(IndexFormat.docKey(block.lastDoc), block.value, txn) }
        for (lastDoc, value) in encoded.groups { try records.put(RecordGroup.key(of: lastDoc), value, txn) }
    }

    /// The document-store block holding `doc`, as this transaction sees it.
    private func documentBlock(containing doc: UInt32, _ txn: borrowing WriteTransaction) throws -> DocumentBlock? {
        try txn.withCursor(index.tables.docstore) { cursor in
            guard let entry = try cursor.seek(atOrAfter: IndexFormat.docKey(doc)) else { return nil }
            let block = try DocumentBlock(decoding: entry.value)
            return block.contains(doc) ? block : nil
        }
    }

    /// Marks `doc` deleted and takes it out of every statistic. Returns false if it already was.
    private func tombstone(
        _ doc: UInt32, _ txn: borrowing WriteTransaction, _ stats: inout IndexStatistics, _ read: inout TombstoneReads
    ) throws -> Bool {
        let t = index.tables
        let pageKey = IndexFormat.bigEndian(doc >> IndexFormat.tombstoneShift)
        var page = try txn.get(t.tombstones, key: pageKey).map(Array.init) ?? [UInt8](repeating: 0, count: IndexFormat.tombstonePageBytes)
        let bit = Int(doc & ((1 << IndexFormat.tombstoneShift) - 1))
        guard page[bit >> 3] & (1 << UInt8(bit & 7)) == 0 else { return false }
        page[bit >> 3] |= 1 << UInt8(bit & 7)
        try txn.put(t.tombstones, key: pageKey, value: page)

        if read.block?.contains(doc) != true { read.block = try documentBlock(containing: doc, txn) }
        if read.group?.number != doc >> RecordGroup.shift {
            read.group = try txn.get(t.records, key: RecordGroup.key(of: doc)).map { (doc >> RecordGroup.shift, try RecordGroup(decoding: $0)) }
        }
        guard let record = try read.group?.group.record(at: RecordGroup.slot(of: doc)), let text = read.block?.text(doc) else {
            throw IndexError.corrupt("document \(doc) has no record or no text")
        }
        let titleText = TitleFieldText.of(title: record.title, id: record.id, source: record.source)
        for (field, content) in [(IndexField.body, text), (.title, titleText), (.path, record.id)] {
            var frequencies: [[UInt8]: UInt32] = [:]
            analyzer.analyze(content) { term, _, _ in frequencies[IndexFormat.termKey(field, term), default: 0] += 1 }
            for (key, tf) in frequencies {
                guard let bytes = try txn.get(t.terms, key: key) else { throw IndexError.corrupt("term of document \(doc) missing") }
                var info = try TermInfo(decoding: bytes)
                info.docFreq -= 1
                info.totalTermFreq -= UInt64(tf)
                try txn.put(t.terms, key: key, value: info.encoded())
            }
            stats.totalLengths[Int(field.rawValue)] -= UInt64(record.length(field))
        }
        stats.liveDocs -= 1
        stats.deletedDocs += 1
        return true
    }
}

/// What a commit's tombstoning last decoded: deletions come roughly in doc order, so neighbours
/// share a document block and a record group.
private struct TombstoneReads {
    var block: DocumentBlock?
    var group: (number: UInt32, group: RecordGroup)?
}
