/// A buffer shared with the threads of one `DispatchQueue.concurrentPerform` where each thread
/// reads and writes only its own elements: what makes the unchecked sendability sound.
struct DisjointBuffer<Element>: @unchecked Sendable {
    let elements: UnsafeMutableBufferPointer<Element>
}
