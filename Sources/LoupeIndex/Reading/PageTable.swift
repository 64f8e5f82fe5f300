import LoupeStorage

/// Pointers to fixed-size pages of one table (norms or tombstones), looked up lazily and kept for
/// the reader's lifetime: a flat array of raw pointers, so the hot path is two loads.
@usableFromInline
final class PageTable {
    @usableFromInline let pointers: UnsafeMutablePointer<UnsafeRawPointer?>
    @usableFromInline let loaded: UnsafeMutablePointer<Bool>
    @usableFromInline let count: Int
    @usableFromInline let load: (Int) -> UnsafeRawPointer?

    /// `load(page)` fetches page `page` (nil when it is absent); it runs at most once per page.
    init(count: Int, load: @escaping (Int) -> UnsafeRawPointer?) {
        self.count = count
        self.load = load
        pointers = .allocate(capacity: max(count, 1))
        pointers.initialize(repeating: nil, count: max(count, 1))
        loaded = .allocate(capacity: max(count, 1))
        loaded.initialize(repeating: false, count: max(count, 1))
    }

    deinit {
        pointers.deallocate()
        loaded.deallocate()
    }

    /// The page, or nil when it does not exist.
    @inlinable @inline(__always)
    func page(_ index: Int) -> UnsafeRawPointer? {
        guard index < count else { return nil }
        if !loaded[index] {
            pointers[index] = load(index)
            loaded[index] = true
        }
        return pointers[index]
    }
}
