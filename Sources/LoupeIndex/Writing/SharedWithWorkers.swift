/// A buffer shared with the threads of one `DispatchQueue.concurrentPerform` where each thread
/// reads and writes only its own elements: what makes the unchecked sendability sound.
struct DisjointBuffer<Element>: @unchecked Sendable {
    let elements: UnsafeMutableBufferPointer<Element>
}

/// The writer's batches and the records being built, shared with the worker threads of one
/// ``IndexWriter/add(contentsOf:)``: each worker touches only its own batch and its own slice
/// of records, which is what makes the unchecked sendability sound.
struct WorkerBuffers: @unchecked Sendable {
    let batches: UnsafeMutableBufferPointer<InvertedBatch>
    let records: UnsafeMutableBufferPointer<DocumentRecord?>
}
