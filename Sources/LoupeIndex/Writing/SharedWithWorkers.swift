/// A buffer shared with the threads of one `DispatchQueue.concurrentPerform` where each thread
/// reads and writes only its own elements: what makes the unchecked sendability sound.
struct DisjointBuffer<Element>: @unchecked Sendable {
    let elements: UnsafeMutableBufferPointer<Element>
}

/// The writer's batches and the pending documents being built (with their records), shared with
/// the worker threads of one ``IndexWriter/add(contentsOf:)``: each worker touches only its own
/// batch and the documents it took from the shared counter, which is what makes the unchecked
/// sendability sound.
struct WorkerBuffers: @unchecked Sendable {
    let batches: UnsafeMutableBufferPointer<InvertedBatch>
    let documents: UnsafeMutableBufferPointer<IndexWriter.PendingDocument?>
}

/// The batches, the merged term order and the per-piece results of one round of a flush's run or
/// of a commit's term encoding, shared with its threads: the batches and slots are only read, and
/// each thread writes only its own piece's result.
struct PieceBuffers<Piece>: @unchecked Sendable {
    let batches: UnsafeBufferPointer<InvertedBatch>
    let slots: UnsafeBufferPointer<Int32>
    let results: UnsafeMutableBufferPointer<Piece>
}

/// One round of a commit's merge of flushed runs, shared with its threads: the arena is only
/// read, and each thread writes only its own piece's result.
struct RoundBuffers: @unchecked Sendable {
    let arena: UnsafeRawBufferPointer
    let results: UnsafeMutableBufferPointer<Result<EncodedTerms, any Error>>
}

/// The writer's batches as a commit encodes them in the background (``BackgroundWork``): nothing
/// changes them until the commit has collected every round, which makes the unchecked
/// sendability sound.
struct CommittingBatches: @unchecked Sendable {
    let batches: [InvertedBatch]
}
