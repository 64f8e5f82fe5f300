import LoupeStorage
import LoupeCodec

/// Writes a bulk load's document blocks and full record groups into the index at each flush, in
/// write transactions of their own, so that its commit does not hold them in memory.
///
/// LMDB keeps every page a write transaction dirties in malloc'ed memory until the commit; the
/// document store and the records are about 40 % of a bulk load's index (104 of 241 MB on the bench
/// corpus), and each staging transaction frees its pages when it commits. The entries are written
/// under the doc ids the load's commit will give its documents, from the `nextDocId` of the first
/// staging transaction (`base`), which records the claim as ``DocumentStage`` (`meta/stage`). Until
/// the commit moves `nextDocId` past them, no reader reaches them (see ``DocumentStage``); the
/// commit then writes only what was not staged, and the index is byte for byte the one a commit
/// of everything would write, because blocks are cut at the same run boundaries
/// (``DocumentBlockPacker``: a run left open at a flush is carried to the next one) and groups hold
/// the same records.
///
/// A stage is cancelled, and the commit writes every block itself as without one, when another
/// writer took doc ids or compacted meanwhile (it deleted `meta/stage`, or `nextDocId` moved), or
/// when a staging transaction failed (a full disk: the commit will report it). A load killed before
/// its commit leaves its staged entries as strays beyond `nextDocId`: never served, counted by
/// `loupe check`, deleted by the next load's first staging transaction, by any commit over their
/// range, and by compaction.
struct DocumentStaging {
    /// The writer's claim, random so that two writers (processes) never share it.
    private let token = UInt64.random(in: 1...UInt64.max)
    private var state = State()
    /// True once the stage was given up: the commit writes every document.
    private(set) var cancelled = false

    private struct State {
        /// The doc id of batch place 0, fixed by the first staging transaction.
        var base: UInt32?
        /// Batch places below this one have their document blocks in the index.
        var blocksEnd: UInt32 = 0
        /// Doc ids from the first multiple of 32 at or after `base` up to this one have their
        /// record groups in the index (whole groups only).
        var recordsEnd: UInt32 = 0
        /// The run of documents the packer has not closed yet, carried to the next flush.
        var packer = DocumentBlockPacker()
        /// The records of the group being filled.
        var group = RecordGroup(records: [])
        /// The records of the documents before the first whole group, which complete the group an
        /// earlier commit began: only the commit writes it.
        var head: [[UInt8]] = []
    }

    /// What a commit at `base` finds staged: the document blocks of places below `blocksEnd`, and
    /// the record groups whose first doc id lies in `recordGroups`; and what it still writes, which
    /// the flushes kept in memory, so that it reads nothing back from the spill.
    struct Staged {
        var blocksEnd: UInt32
        var recordGroups: Range<UInt32>
        /// The encoded records of the documents before `recordGroups` (fewer than a group), which
        /// complete the group an earlier commit began.
        var head: [[UInt8]]
        /// The records of the documents from `recordGroups.upperBound` on (fewer than a group).
        var openGroup: RecordGroup
        /// The documents from place `blocksEnd` on: the packer's run still open.
        var openRun: [DocumentBlockPacker.Document]
    }

    /// Runs of the packer packed at once on the workers. A round waits for the one before it, so
    /// small rounds leave the workers waiting on the hand-over (with 2 per worker a flush's
    /// staging took 1.14–1.28 s of the bench corpus's load, with 8 1.06–1.08 s). A round holds
    /// only the texts' references (the flush holds the texts anyway) and, once packed, its blocks:
    /// about 1 MiB per worker.
    private static let runsPerWorker = 8

    /// Writes the blocks completed by `documents` (the next batch places, in order) and their
    /// complete record groups, in one write transaction, and appends each block's value to `texts`
    /// (``DocumentSpill``; none without a fallback spill), for a commit that finds the stage
    /// cancelled. Never throws: a failure cancels the stage, and leaves `texts` as it was; the
    /// documents whose texts are then in no spilled block are ``openRun`` and `documents`.
    mutating func stage(_ documents: [IndexWriter.PendingDocument], index: Index, workers: Int, texts: SpillFile?) {
        guard !cancelled, !documents.isEmpty else { return }
        let token = self.token, start = state, textsStart = texts?.size ?? 0
        do {
            // The body may run again (LMDB's map grows): it starts from `start` each time.
            let staged: State? = try index.environment.write { txn in
                texts?.truncate(to: textsStart)
                var state = start
                guard try Self.write(documents, into: txn, &state, token: token, index: index, workers: workers, texts: texts) else { return nil }
                // Before the transaction commits: once it has, nothing of the flush may fail.
                try texts?.flushBuffer()
                return state
            }
            guard let staged else {
                cancel(texts, to: textsStart)
                return
            }
            state = staged
        } catch {
            cancel(texts, to: textsStart)
        }
        index.environment.releaseMappedPages()
    }

    /// Gives the stage up, dropping what this flush appended to `texts`.
    private mutating func cancel(_ texts: SpillFile?, to start: Int) {
        texts?.truncate(to: start)
        cancelled = true
    }

    /// The flushed documents no staged block holds, in batch-place order: the run the packer has
    /// not closed (empty once ``forgetOpenRun()`` ran after the stage was cancelled).
    var openRun: [DocumentBlockPacker.Document] {
        var packer = state.packer
        return packer.finishGroup() ?? []
    }

    /// Forgets ``openRun`` once a cancelled stage's flush spilled its texts.
    mutating func forgetOpenRun() {
        state.packer = DocumentBlockPacker()
    }

    /// The body of a staging transaction: writes what `documents` complete into `txn`, advancing
    /// `state`; false when the stage no longer stands (nothing is written then).
    private static func write(
        _ documents: [IndexWriter.PendingDocument], into txn: borrowing WriteTransaction, _ state: inout State, token: UInt64,
        index: Index, workers: Int, texts: SpillFile?
    ) throws -> Bool {
        let t = index.tables
        guard let statsBytes = try txn.get(t.meta, key: Array("stats".utf8)) else { throw IndexError.corrupt("meta/stats is missing") }
        let next = try IndexStatistics(decoding: statsBytes).nextDocId
        let base: UInt32
        if let claimed = state.base {
            // Another writer took ids or compacted since: the staged entries are no longer ours to use.
            guard try DocumentStage.read(txn, meta: t.meta) == DocumentStage(token: token, base: claimed), next == claimed else { return false }
            base = claimed
        } else {
            base = next
            guard UInt64(base) + UInt64(documents.count) < UInt64(UInt32.max) else { return false }
            // Strays of a killed load (or of a stage this one cancels) would mix with ours.
            try DocumentStage.deleteStrayBlocks(in: base..<UInt32.max, docstore: t.docstore, txn)
            try DocumentStage.deleteStrayGroups(in: base..<UInt32.max, records: t.records, txn)
            try txn.put(t.meta, key: DocumentStage.key, value: DocumentStage(token: token, base: base).encoded())
            state.base = base
            state.recordsEnd = firstWholeGroup(base)
        }
        // The strays are deleted: nothing else changes the two tables in this transaction.
        var puts = Puts(
            docstore: try SortedPuts(t.docstore, txn, onlyWriter: true), records: try SortedPuts(t.records, txn, onlyWriter: true), texts: texts)
        var round = DocumentRound()
        var pipeline = DocumentRoundPipeline(layout: index.environment.pageLayout, threads: workers)
        for document in documents {
            let doc = base + document.doc
            if let run = state.packer.group(doc, document.text) { round.runs.append(run) }
            if doc < firstWholeGroup(base) {
                state.head.append(document.record.encoded())
            } else {
                state.group.append(document.record)
                if state.group.records.count == RecordGroup.capacity {
                    round.groups.append((doc, state.group, []))
                    state.group = RecordGroup(records: [])
                }
            }
            if round.runs.count == runsPerWorker * workers { try put(&round, &pipeline, &state, &puts, txn) }
        }
        try put(&round, &pipeline, &state, &puts, txn)
        try put(&round, &pipeline, &state, &puts, txn)
        return true
    }

    /// The staging transaction's puts into the document store and the records, and the spill
    /// file its blocks' values are appended to.
    private struct Puts {
        var docstore: SortedPuts
        var records: SortedPuts
        /// Nil when the writer keeps no fallback spill (``IndexWriter/fallbackSpill``).
        let texts: SpillFile?
    }

    /// Hands `round` to `pipeline` (``DocumentRoundPipeline``) and puts the round handed in
    /// before, its blocks' values spilled too, advancing `state` past it: a round is compressed
    /// while this thread puts the one before, as a commit does.
    private static func put(
        _ round: inout DocumentRound, _ pipeline: inout DocumentRoundPipeline, _ state: inout State, _ puts: inout Puts,
        _ txn: borrowing WriteTransaction
    ) throws {
        guard let encoded = try pipeline.hand(&round) else { return }
        for block in encoded.blocks { try puts.docstore.put(IndexFormat.docKey(block.lastDoc), block.value, txn) }
        try puts.texts?.appendEntries(encoded.blocks) { DocumentSpill.appendBlock($0.value, to: &$1) }
        // A run's last block ends at its last document.
        if let last = encoded.blocks.last?.lastDoc, let base = state.base { state.blocksEnd = last - base + 1 }
        for (lastDoc, value) in encoded.groups {
            try puts.records.put(RecordGroup.key(of: lastDoc), value, txn)
            state.recordsEnd = lastDoc + 1
        }
    }

    /// What the commit transaction `txn`, whose documents start at doc id `base`, finds staged for
    /// it: nil when nothing is, or the stage was cancelled (by this writer or another one).
    func staged(in txn: borrowing WriteTransaction, base: UInt32, meta: Database) throws -> Staged? {
        guard !cancelled, let claimed = state.base, claimed == base,
              try DocumentStage.read(txn, meta: meta) == DocumentStage(token: token, base: claimed) else { return nil }
        return Staged(
            blocksEnd: state.blocksEnd, recordGroups: Self.firstWholeGroup(base)..<max(Self.firstWholeGroup(base), state.recordsEnd),
            head: state.head, openGroup: state.group, openRun: openRun)
    }

    /// The first doc id at or after `base` that starts a record group: the group before it may
    /// hold documents of an earlier commit, so only the commit writes it.
    private static func firstWholeGroup(_ base: UInt32) -> UInt32 {
        UInt32(min((UInt64(base) + UInt64(RecordGroup.capacity - 1)) & ~UInt64(RecordGroup.capacity - 1), UInt64(UInt32.max)))
    }
}
