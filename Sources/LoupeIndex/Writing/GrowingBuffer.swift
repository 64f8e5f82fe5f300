/// A growable array of plain values (no references) whose storage is addressed directly, for the
/// per-token work of an ``InvertedBatch``: the terms a document touched, and its
/// ``TermInterner``'s arena.
///
/// A Swift array appended to or written inside the analyzer's per-token closure pays a
/// uniqueness check (a runtime call) on every write, as it must for copy-on-write; this buffer
/// is a reference type with no copy-on-write, so a write is a store. Copies of a reference share
/// the storage: the owner must not let two of them be written, and only one thread may write it;
/// others may read it once writing is over, which makes the unchecked sendability sound.
final class GrowingBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    /// The first element; valid until the next ``append(_:)`` (which may move the storage).
    private(set) var base: UnsafeMutablePointer<Element>
    /// Elements held.
    private(set) var count = 0
    /// Elements the storage has room for.
    private(set) var capacity: Int

    /// An empty buffer with room for `capacity` elements (at least 1).
    init(capacity: Int = 16) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Element `index` (`0..<count`, not checked).
    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        set { base[index] = newValue }
    }

    /// Adds `element` at the end, doubling the storage when it is full.
    @inline(__always)
    func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count &+= 1
    }

    /// Adds `n` elements at the end, uninitialized, and returns the first of them, for the caller
    /// to initialize (the storage doubles as often as needed).
    @inline(__always)
    func extend(by n: Int) -> UnsafeMutablePointer<Element> {
        while count + n > capacity { grow() }
        defer { count &+= n }
        return base + count
    }

    /// Forgets the elements, keeping the storage.
    func removeAll() { count = 0 }

    @inline(never)
    private func grow() {
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity *= 2
    }
}
