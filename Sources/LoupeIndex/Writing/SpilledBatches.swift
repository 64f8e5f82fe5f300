import LoupeCodec

/// What an ``IndexWriter`` flushed since its last commit, in three unnamed files of the index
/// directory: the sorted runs of its batches' postings (``TermRun``, one region of `terms` per
/// flush), and their documents' records and texts (``DocumentSpill``, in batch-place order in
/// `records` and `texts`).
final class SpilledBatches {
    let terms: SpillFile
    let records: SpillFile
    let texts: SpillFile
    /// Each flush's run: its region of `terms`, in batch-place order.
    private(set) var runs: [Range<Int>] = []
    /// Documents flushed: batch places 0 up to this one.
    private(set) var documentCount = 0
    /// Postings flushed.
    private(set) var postings = 0

    /// Creates the files in `directory`.
    init(in directory: String) throws(SpillFileError) {
        terms = try SpillFile(in: directory)
        records = try SpillFile(in: directory)
        texts = try SpillFile(in: directory)
    }

    /// Bytes spilled.
    var bytes: Int { terms.size + records.size + texts.size }

    /// Appends one flush of `count` documents holding `postings` postings: `writeRun` appends its
    /// run to `terms` and `writeRecords` their records to `records`, on another thread
    /// (``BackgroundWork``) while `writeRun` runs on this one (and the workers); once both are
    /// done, `writeTexts` appends to `texts` what the flush's texts need there (it stages them:
    /// ``DocumentStaging``). If any throws, every file is cut back to where it was and the first
    /// error is rethrown: nothing of the flush remains.
    func flush(
        documents count: Int, postings: Int, writeRun: (SpillFile) throws -> Void,
        writeRecords: @escaping @Sendable (SpillFile) throws -> Void, writeTexts: (SpillFile) throws -> Void
    ) throws {
        let termsStart = terms.size, recordsStart = records.size, textsStart = texts.size
        let file = records
        let writing = BackgroundWork {
            try writeRecords(file)
            try file.finishAppending()
        }
        var failure: (any Error)?
        do {
            try writeRun(terms)
            try terms.finishAppending()
            // Written back by the time the commit has merged it, so that it can let the pages go.
            terms.startWriteBack(from: termsStart)
        } catch {
            failure = error
        }
        do {
            try writing.result()
        } catch {
            failure = failure ?? error
        }
        if failure == nil {
            do {
                try writeTexts(texts)
                try texts.finishAppending()
            } catch {
                failure = error
            }
        }
        if let failure {
            terms.truncate(to: termsStart)
            records.truncate(to: recordsStart)
            texts.truncate(to: textsStart)
            throw failure
        }
        runs.append(termsStart..<terms.size)
        documentCount += count
        self.postings += postings
    }
}

/// The pending documents of a commit in batch-place order, when it packs every block itself:
/// the flushed ones read back from the spill (the records from `records`; the texts from `texts`,
/// then from the stage's open run, whose documents no staged block holds), then those still in
/// memory.
struct PendingDocuments {
    private var records: SpillReader?
    private var texts: SpillReader?
    /// Made for the first spilled block: a commit of documents in memory reads none.
    private var decompressor: Zstd.Decompressor?
    /// The texts of the last texts entry read, from `nextText` on.
    private var entryTexts: [String] = []
    private var nextText = 0
    private let openRun: [DocumentBlockPacker.Document]
    private var nextOpen = 0
    private let memory: [IndexWriter.PendingDocument]
    private var next = 0, place: UInt32 = 0

    init(spilled: SpilledBatches?, openRun: [DocumentBlockPacker.Document], memory: [IndexWriter.PendingDocument]) {
        records = spilled.map { SpillReader($0.records, region: 0..<$0.records.size) }
        texts = spilled.map { SpillReader($0.texts, region: 0..<$0.texts.size) }
        self.openRun = openRun
        self.memory = memory
    }

    /// The next document (its batch place, record and text), or nil after the last.
    mutating func nextDocument() throws -> (doc: UInt32, record: DocumentRecord, text: String)? {
        if records != nil {
            if let entry = try records!.next() {
                let record = try DocumentSpill.record(entry)
                place += 1
                return (place - 1, record, try nextFlushedText())
            }
            guard nextText == entryTexts.count, try texts?.next() == nil, nextOpen == openRun.count else {
                throw IndexError.corrupt("spill file: the flushed texts outnumber the records")
            }
            close()
        }
        guard next < memory.count else { return nil }
        next += 1
        place += 1
        return (place - 1, memory[next - 1].record, memory[next - 1].text)
    }

    /// The text of the next flushed document: from the texts spilled, then from the open run.
    private mutating func nextFlushedText() throws -> String {
        while nextText == entryTexts.count, texts != nil {
            guard let entry = try texts!.next() else {
                texts!.close()
                texts = nil
                break
            }
            if decompressor == nil { decompressor = Zstd.Decompressor() }
            entryTexts = try DocumentSpill.texts(entry, decompressor: decompressor!)
            nextText = 0
        }
        if nextText < entryTexts.count {
            nextText += 1
            return entryTexts[nextText - 1]
        }
        guard nextOpen < openRun.count else { throw IndexError.corrupt("spill file: a flushed document has no text") }
        nextOpen += 1
        return openRun[nextOpen - 1].text
    }

    /// Frees the spill readers' buffers if they are still open.
    mutating func close() {
        records?.close()
        records = nil
        texts?.close()
        texts = nil
    }
}
