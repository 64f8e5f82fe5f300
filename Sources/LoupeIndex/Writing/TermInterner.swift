/// Maps (field, term bytes) to dense slot numbers 0, 1, 2 … for the duration of one batch.
///
/// An open-addressing hash table over one byte arena: interning a term that is already known
/// allocates nothing, which matters because bulk indexing interns tens of millions of tokens.
struct TermInterner {
    private(set) var arena: [UInt8] = []
    /// Per slot: where its key (field byte + term bytes) starts in `arena`, and its length.
    private(set) var starts: [UInt32] = []
    private(set) var lengths: [UInt32] = []
    private var hashes: [UInt64] = []
    private var table: [Int32]
    private var mask: Int

    init(capacity: Int = 1 << 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        table = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// Number of distinct keys.
    var count: Int { starts.count }
    /// Bytes held, for the memory budget.
    var memoryBytes: Int { arena.capacity + starts.capacity * 16 + table.capacity * 4 }

    /// The slot of `term` in `field`, adding it when new.
    @inline(__always)
    mutating func intern(field: UInt8, term: UnsafeRawBufferPointer) -> Int {
        let hash = Self.hash(field, term)
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = Int(table[i])
            if slot < 0 { break }
            if hashes[slot] == hash && matches(slot, field, term) { return slot }
            i = (i + 1) & mask
        }
        let slot = starts.count
        starts.append(UInt32(arena.count))
        lengths.append(UInt32(term.count + 1))
        hashes.append(hash)
        arena.append(field)
        arena.append(contentsOf: term)
        table[i] = Int32(slot)
        if starts.count * 2 > table.count { grow() }
        return slot
    }

    /// The field byte of `slot`.
    func field(_ slot: Int) -> UInt8 { arena[Int(starts[slot])] }

    /// Calls `body` with the key bytes (field byte, then term) of `slot`.
    func withKey<R>(_ slot: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try arena.withUnsafeBytes { raw in
            try body(UnsafeRawBufferPointer(rebasing: raw[Int(starts[slot])..<Int(starts[slot] + lengths[slot])]))
        }
    }

    /// All slots sorted by key bytes (field, then term), the order of the `terms` table.
    func sortedSlots() -> [Int] {
        arena.withUnsafeBytes { raw in
            let base = raw.baseAddress!
            return (0..<count).sorted { a, b in
                let la = Int(lengths[a]), lb = Int(lengths[b])
                let c = memcmp(base + Int(starts[a]), base + Int(starts[b]), min(la, lb))
                return c != 0 ? c < 0 : la < lb
            }
        }
    }

    @inline(__always)
    private func matches(_ slot: Int, _ field: UInt8, _ term: UnsafeRawBufferPointer) -> Bool {
        guard Int(lengths[slot]) == term.count + 1 else { return false }
        return arena.withUnsafeBytes { raw in
            let start = Int(starts[slot])
            guard raw[start] == field else { return false }
            return term.isEmpty || memcmp(raw.baseAddress! + start + 1, term.baseAddress!, term.count) == 0
        }
    }

    private mutating func grow() {
        let size = table.count * 2
        table = [Int32](repeating: -1, count: size)
        mask = size - 1
        for slot in 0..<hashes.count {
            var i = Int(truncatingIfNeeded: hashes[slot]) & mask
            while table[i] >= 0 { i = (i + 1) & mask }
            table[i] = Int32(slot)
        }
    }

    @inline(__always)
    static func hash(_ field: UInt8, _ term: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(field) ^ (UInt64(term.count) << 8)
        var i = 0
        let n = term.count
        while i + 8 <= n {
            h = (h ^ term.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(term[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 31)
    }
}

#if canImport(Glibc)
import Glibc
#endif
