/// What an ``IndexWriter`` flushed since its last commit: the sorted runs of its batches' postings
/// (``TermRun``, one region of `terms` per flush) and their documents (``DocumentSpill``, in
/// batch-place order in `documents`), in two unnamed files of the index directory.
final class SpilledBatches {
    let terms: SpillFile
    let documents: SpillFile
    /// Each flush's run: its region of `terms`, in batch-place order.
    private(set) var runs: [Range<Int>] = []
    /// Documents flushed: batch places 0 up to this one.
    private(set) var documentCount = 0
    /// Postings flushed.
    private(set) var postings = 0

    /// Creates both files in `directory`.
    init(in directory: String) throws(SpillFileError) {
        terms = try SpillFile(in: directory)
        documents = try SpillFile(in: directory)
    }

    /// Bytes spilled.
    var bytes: Int { terms.size + documents.size }

    /// Appends one flush: `writeRun` appends its run to `terms` and `writeDocuments` its `count`
    /// documents to `documents`, holding `postings` postings. The documents are written on another
    /// thread (``BackgroundWork``) while `writeRun` runs on this one (and the workers), so a flush
    /// takes about as long as its run. If either throws, both files are cut back to where they were
    /// once both are done, and the first error is rethrown: nothing of the flush remains.
    func flush(
        documents count: Int, postings: Int, writeRun: (SpillFile) throws -> Void,
        writeDocuments: @escaping @Sendable (SpillFile) throws -> Void
    ) throws {
        let termsStart = terms.size, documentsStart = documents.size
        let file = documents
        let writing = BackgroundWork {
            try writeDocuments(file)
            try file.flushBuffer()
        }
        var failure: (any Error)?
        do {
            try writeRun(terms)
            try terms.flushBuffer()
        } catch {
            failure = error
        }
        do {
            try writing.result()
        } catch {
            failure = failure ?? error
        }
        if let failure {
            terms.truncate(to: termsStart)
            documents.truncate(to: documentsStart)
            throw failure
        }
        runs.append(termsStart..<terms.size)
        documentCount += count
        self.postings += postings
    }
}

/// The pending documents of a commit in batch-place order: the flushed ones read back from the
/// spill, then those still in memory.
struct PendingDocuments {
    private var reader: SpillReader?
    private let memory: [IndexWriter.PendingDocument]
    private var next = 0, place: UInt32 = 0

    init(spilled: SpilledBatches?, memory: [IndexWriter.PendingDocument]) {
        reader = spilled.map { SpillReader($0.documents, region: 0..<$0.documents.size) }
        self.memory = memory
    }

    /// The next document (its batch place, record and text), or nil after the last.
    mutating func nextDocument() throws -> (doc: UInt32, record: DocumentRecord, text: String)? {
        if reader != nil {
            if let entry = try reader!.next() {
                let (record, text) = try DocumentSpill.decode(entry)
                place += 1
                return (place - 1, record, text)
            }
            reader!.close()
            reader = nil
        }
        guard next < memory.count else { return nil }
        next += 1
        place += 1
        return (place - 1, memory[next - 1].record, memory[next - 1].text)
    }

    /// Frees the spill reader's buffer if it is still open.
    mutating func close() {
        reader?.close()
        reader = nil
    }
}
