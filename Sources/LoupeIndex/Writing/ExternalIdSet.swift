/// A set of external ids over an ``ExternalIdList``: an open-addressing table of 32-bit indices
/// into it, each beside 32 bits of its id's hash, so a JSON-lines load remembers every id it has
/// seen in about their bytes and 16 bytes each instead of a `Set<String>`'s 16-byte slots and heap
/// strings. A probe compares the hash bits first and reads an id's bytes only when they match:
/// the table holds up to two ids in three slots, and reading the bytes of every id a probe passed
/// was most of a load's id checks (a cache miss each, 125 of the reading thread's 686 samples on
/// the bench corpus). Public for the micro-benchmarks.
public struct ExternalIdSet {
    private var ids = ExternalIdList()
    /// The high 32 bits of the id's hash, then index + 1 of the id, in each slot; 0 for an empty
    /// slot; a power of two long.
    private var slots = [UInt64](repeating: 0, count: 16)

    public init() {}

    /// The number of ids.
    public var count: Int { ids.count }

    /// Inserts `id`; returns true when it was not in the set.
    @discardableResult
    public mutating func insert(_ id: String) -> Bool {
        var id = id
        let (slot, found, tag) = id.withUTF8 { find(UnsafeRawBufferPointer($0)) }
        guard !found else { return false }
        let index = ids.append(id)
        precondition(index < Int(UInt32.max), "ExternalIdSet: 2^32 ids")
        slots[slot] = tag | UInt64(index + 1)
        if ids.count * 3 > slots.count * 2 { grow() }
        return true
    }

    /// True when `id` is in the set.
    public func contains(_ id: String) -> Bool {
        var id = id
        return id.withUTF8 { find(UnsafeRawBufferPointer($0)).found }
    }

    /// The slot holding `key`, or the empty slot where it would go, and the hash bits a slot
    /// keeps for it.
    private func find(_ key: UnsafeRawBufferPointer) -> (slot: Int, found: Bool, tag: UInt64) {
        let hash = Self.hash(key)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let entry = slots[slot]
            if entry & 0xFFFF_FFFF_0000_0000 == tag, ids.withId(Int(entry & 0xFFFF_FFFF) - 1, { $0.elementsEqual(key) }) {
                return (slot, true, tag)
            }
            slot = (slot + 1) & mask
        }
        return (slot, false, tag)
    }

    private static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(bytes: key)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }

    /// Doubles the table and places every id again.
    private mutating func grow() {
        var larger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for index in 0..<ids.count {
            let hash = ids.withId(index) { Self.hash($0) }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(index + 1)
        }
        slots = larger
    }
}
