/// Parts of a bulk load, one at a time, for the micro-benchmarks (`Benchmarks/Micro`): a flush's
/// run written from the batches in memory, a commit's merge of the flushed runs into chunks (and
/// the merge's decoding alone), its norms, label and column pages, and its order of the ids, each
/// without the transaction or the puts around it, and each repeatable, since none changes the writer.
extension IndexWriter {
    /// Writes the run of the batches in memory (``TermRun``, as ``flush()`` writes it) to a new
    /// spill file in the index directory, dropped on return; the batches stay pending. Returns the
    /// run's bytes.
    @_spi(Benchmarks)
    public func writeRunOfPendingBatches() throws -> Int {
        let file = try SpillFile(in: index.path)
        try writeRun(file)
        return file.size
    }

    /// Merges the runs flushed since the last commit into chunks (``TermRunMerge`` in rounds,
    /// each encoded on the workers, as ``commit()`` merges them, with every field's average
    /// length taken as 100) and drops them; the runs stay pending. Returns the chunks' bytes.
    @_spi(Benchmarks)
    public func mergeFlushedRuns() throws -> Int {
        guard let spilled else { return 0 }
        var merge = try TermRunMerge(spilled.terms, regions: spilled.runs)
        defer { merge.close() }
        let averages = [Double](repeating: 100, count: IndexField.allCases.count)
        var round = TermRunMerge.Round()
        var bytes = 0
        while try merge.next(&round, bytes: mergeRoundBytes) {
            for piece in try Self.encode(Self.pieces(of: round), round, 0, pendingLengths, averages) {
                piece.forEach { bytes += $0.postings.count + $0.positions.count }
            }
        }
        return bytes
    }

    /// Decodes the runs flushed since the last commit term by term on this thread (``TermRunMerge``
    /// in rounds, each term's entries through ``TermRun/decode(_:into:parts:)`` into one
    /// ``DecodedPostings``, as a commit's workers decode them) and encodes nothing; the runs stay
    /// pending. Returns the postings decoded.
    @_spi(Benchmarks)
    public func decodeFlushedRuns() throws -> Int {
        guard let spilled else { return 0 }
        var merge = try TermRunMerge(spilled.terms, regions: spilled.runs)
        defer { merge.close() }
        var round = TermRunMerge.Round()
        var postings = DecodedPostings()
        var parts: [UnsafeRawBufferPointer] = []
        var decoded = 0
        while try merge.next(&round, bytes: mergeRoundBytes) {
            try round.arena.withUnsafeBytes { arena in
                for term in round.terms {
                    postings.removeAll()
                    for part in term.parts {
                        try TermRun.decode(UnsafeRawBufferPointer(rebasing: arena[round.parts[part]]), into: &postings, parts: &parts)
                    }
                    decoded += postings.count
                }
            }
        }
        return decoded
    }

    /// Builds the `norms`, `labels` and `columns` pages of the pending documents (``DocumentPages``,
    /// as a commit does during its merge, here from doc id 0 with no page begun) and drops them.
    /// Returns the pages' count.
    @_spi(Benchmarks)
    public func documentPagesOfPending() -> Int {
        let begun = DocumentPages.Begun(
            norms: IndexField.allCases.map { _ in nil }, columns: DocumentColumn.allCases.map { _ in nil }, labels: [:])
        let pages = DocumentPages(base: 0, lengths: pendingLengths, metadata: metadata, begun: begun)
        return pages.norms.count + pages.labels.count + pages.columns.count
    }

    /// The pending documents' ids in key order (``ExternalIdList/sortedIndices()``, as a commit of
    /// additions puts them); returns the first one's batch place.
    @_spi(Benchmarks)
    public func keyOrderOfPendingIds() -> Int {
        Int(pendingIds.sortedIndices().first ?? 0)
    }
}
