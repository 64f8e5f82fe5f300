/// A set of external ids over an ``ExternalIdList``: an open-addressing table of 32-bit indices
/// into it, so a JSON-lines load remembers every id it has seen in about their bytes and 10 bytes
/// each instead of a `Set<String>`'s 16-byte slots and heap strings. Public for the
/// micro-benchmarks.
public struct ExternalIdSet {
    private var ids = ExternalIdList()
    /// Index + 1 of the id in each slot, 0 for an empty slot; a power of two long.
    private var slots = [UInt32](repeating: 0, count: 16)

    public init() {}

    /// The number of ids.
    public var count: Int { ids.count }

    /// Inserts `id`; returns true when it was not in the set.
    @discardableResult
    public mutating func insert(_ id: String) -> Bool {
        var id = id
        let (slot, found) = id.withUTF8 { find(UnsafeRawBufferPointer($0)) }
        guard !found else { return false }
        slots[slot] = UInt32(ids.append(id) + 1)
        if ids.count * 3 > slots.count * 2 { grow() }
        return true
    }

    /// True when `id` is in the set.
    public func contains(_ id: String) -> Bool {
        var id = id
        return id.withUTF8 { find(UnsafeRawBufferPointer($0)).found }
    }

    /// The slot holding `key`, or the empty slot where it would go.
    private func find(_ key: UnsafeRawBufferPointer) -> (slot: Int, found: Bool) {
        let mask = slots.count - 1
        var slot = Self.hash(key) & mask
        while slots[slot] != 0 {
            if ids.withId(Int(slots[slot] - 1), { $0.elementsEqual(key) }) { return (slot, true) }
            slot = (slot + 1) & mask
        }
        return (slot, false)
    }

    private static func hash(_ key: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: key)
        return hasher.finalize()
    }

    /// Doubles the table and places every id again.
    private mutating func grow() {
        var larger = [UInt32](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for index in 0..<ids.count {
            var slot = ids.withId(index) { Self.hash($0) } & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = UInt32(index + 1)
        }
        slots = larger
    }
}
