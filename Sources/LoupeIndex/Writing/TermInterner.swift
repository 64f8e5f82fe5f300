#if canImport(Glibc)
import Glibc
#endif

/// Maps (field, term bytes) to dense slot numbers 0, 1, 2 … for the duration of one batch.
///
/// An open-addressing hash table (linear probing, at most half full) over one byte arena:
/// interning a term that is already known allocates nothing, which matters because bulk indexing
/// interns tens of millions of tokens. It is laid out for the cache, since a batch's dictionary
/// outgrows it: a table entry holds 32 bits of the key's hash beside the arena offset of its
/// entry, so a probe rarely looks at a key that is not the one sought, and an arena entry holds
/// its slot and length beside the key bytes, so a known term costs two memory accesses — the
/// table's and the arena's.
///
/// Arena entry: u32 slot, u32 key length, then the key (the field byte, then the term), padded
/// to 4 bytes. Table entry: hash tag (the hash's high 32 bits) << 32 | arena offset;
/// ``empty`` marks a free one.
struct TermInterner {
    private var arena: [UInt8] = []
    /// Per slot: where its arena entry starts.
    private var entries: [UInt32] = []
    private var table: [UInt64]
    private var mask: Int

    private static let empty = UInt64.max
    /// Bytes of an arena entry before its key.
    private static let headerSize = 8

    init(capacity: Int = 1 << 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        table = [UInt64](repeating: Self.empty, count: size)
        mask = size - 1
    }

    /// Number of distinct keys.
    var count: Int { entries.count }
    /// Bytes held, for the memory budget.
    var memoryBytes: Int { arena.capacity + entries.capacity * 4 + table.capacity * 8 }

    /// The slot of `term` in `field`, adding it when new.
    @inline(__always)
    mutating func intern(field: UInt8, term: UnsafeRawBufferPointer) -> Int {
        let hash = Self.hash(field, term)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var i = Int(truncatingIfNeeded: hash) & mask
        let found: Int? = table.withUnsafeBufferPointer { table in
            arena.withUnsafeBytes { arena in
                while true {
                    let entry = table[i]
                    if entry == Self.empty { return nil }
                    if entry & 0xFFFF_FFFF_0000_0000 == tag {
                        let offset = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF)
                        if Self.matches(arena, offset, field, term) {
                            return Int(UInt32(littleEndian: arena.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                        }
                    }
                    i = (i &+ 1) & mask
                }
            }
        }
        if let found { return found }
        return insert(field: field, term: term, tag: tag, at: i)
    }

    /// Adds the key at free table entry `i`; returns its new slot.
    private mutating func insert(field: UInt8, term: UnsafeRawBufferPointer, tag: UInt64, at i: Int) -> Int {
        let slot = entries.count
        let offset = arena.count
        precondition(offset + Self.headerSize + term.count + 4 < Int(UInt32.max), "TermInterner: 4 GiB of keys")
        entries.append(UInt32(offset))
        withUnsafeBytes(of: UInt32(slot).littleEndian) { arena.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(term.count + 1).littleEndian) { arena.append(contentsOf: $0) }
        arena.append(field)
        arena.append(contentsOf: term)
        while arena.count & 3 != 0 { arena.append(0) }
        table[i] = tag | UInt64(offset)
        if entries.count * 2 > table.count { grow() }
        return slot
    }

    /// The field byte of `slot`.
    func field(_ slot: Int) -> UInt8 { arena[Int(entries[slot]) + Self.headerSize] }

    /// Calls `body` with the key bytes (field byte, then term) of `slot`.
    func withKey<R>(_ slot: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try arena.withUnsafeBytes { raw in try body(Self.key(raw, Int(entries[slot]))) }
    }

    /// Calls `body` with the keys of every slot, readable without reference counting.
    func withKeys<R>(_ body: (Keys) throws -> R) rethrows -> R {
        try arena.withUnsafeBytes { arena in try entries.withUnsafeBufferPointer { try body(Keys(arena: arena, entries: $0)) } }
    }

    /// The keys of an interner, through pointers into its storage: valid while ``withKeys(_:)``'s
    /// closure runs.
    struct Keys {
        fileprivate let arena: UnsafeRawBufferPointer
        fileprivate let entries: UnsafeBufferPointer<UInt32>

        /// The key bytes (field byte, then term) of `slot`.
        func key(_ slot: Int) -> UnsafeRawBufferPointer { TermInterner.key(arena, Int(entries[slot])) }
    }

    /// All slots sorted by key bytes (field, then term), the order of the `terms` table.
    ///
    /// Sorts on each key's first eight bytes (big-endian, zero-padded), which decide most
    /// comparisons from the array being sorted; only keys sharing them compare their bytes.
    func sortedSlots() -> [Int] {
        arena.withUnsafeBytes { raw in
            var order = (0..<count).map { slot in (prefix: Self.prefix(Self.key(raw, Int(entries[slot]))), slot: UInt32(slot)) }
            order.sort { a, b in
                if a.prefix != b.prefix { return a.prefix < b.prefix }
                let ka = Self.key(raw, Int(entries[Int(a.slot)])), kb = Self.key(raw, Int(entries[Int(b.slot)]))
                let c = memcmp(ka.baseAddress!, kb.baseAddress!, min(ka.count, kb.count))
                return c != 0 ? c < 0 : ka.count < kb.count
            }
            return order.map { Int($0.slot) }
        }
    }

    /// The first eight bytes of `key` as a big-endian number, zero-padded: comparing two of them
    /// orders the keys as their bytes do, or finds them equal.
    private static func prefix(_ key: UnsafeRawBufferPointer) -> UInt64 {
        var value: UInt64 = 0
        for i in 0..<8 { value = value << 8 | UInt64(i < key.count ? key[i] : 0) }
        return value
    }

    /// The key of the arena entry at `offset`.
    @inline(__always)
    fileprivate static func key(_ arena: UnsafeRawBufferPointer, _ offset: Int) -> UnsafeRawBufferPointer {
        let length = Int(UInt32(littleEndian: arena.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)))
        return UnsafeRawBufferPointer(rebasing: arena[(offset + headerSize)..<(offset + headerSize + length)])
    }

    /// Whether the arena entry at `offset` holds `field` and `term`.
    @inline(__always)
    private static func matches(_ arena: UnsafeRawBufferPointer, _ offset: Int, _ field: UInt8, _ term: UnsafeRawBufferPointer) -> Bool {
        let base = arena.baseAddress! + offset
        guard Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 4, as: UInt32.self))) == term.count + 1,
              base.load(fromByteOffset: headerSize, as: UInt8.self) == field else { return false }
        return term.isEmpty || equal(base + headerSize + 1, term.baseAddress!, count: term.count)
    }

    /// Whether the `count` bytes at `a` and `b` are the same, reading no byte outside them: words
    /// of eight bytes, the last one overlapping its predecessor; a short key in two overlapping
    /// words of four, or its first, middle and last byte. Inlined, since most terms are short,
    /// where a call to `memcmp` costs more than the comparison.
    @inline(__always)
    static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count n: Int) -> Bool {
        if n >= 8 {
            var i = 0
            while i &+ 8 < n {
                guard a.loadUnaligned(fromByteOffset: i, as: UInt64.self) == b.loadUnaligned(fromByteOffset: i, as: UInt64.self) else {
                    return false
                }
                i &+= 8
            }
            return a.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
        }
        if n >= 4 {
            return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
                && a.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self) == b.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
        }
        guard n > 0 else { return true }
        return a.load(as: UInt8.self) == b.load(as: UInt8.self)
            && a.load(fromByteOffset: n >> 1, as: UInt8.self) == b.load(fromByteOffset: n >> 1, as: UInt8.self)
            && a.load(fromByteOffset: n &- 1, as: UInt8.self) == b.load(fromByteOffset: n &- 1, as: UInt8.self)
    }

    private mutating func grow() {
        let size = table.count * 2
        var grown = [UInt64](repeating: Self.empty, count: size)
        mask = size - 1
        arena.withUnsafeBytes { arena in
            for offset in entries {
                let key = Self.key(arena, Int(offset))
                let hash = Self.hash(key[0], UnsafeRawBufferPointer(rebasing: key[1...]))
                var i = Int(truncatingIfNeeded: hash) & mask
                while grown[i] != Self.empty { i = (i &+ 1) & mask }
                grown[i] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(offset)
            }
        }
        table = grown
    }

    /// A 64-bit hash of the key, for this process only (never stored): words of eight bytes
    /// mixed in turn, the last one overlapping its predecessor, or for a term shorter than eight
    /// bytes its two overlapping words of four (or its first, middle and last byte), read without
    /// a loop. With the length mixed in, each of these reads determines a term of a given length.
    @inline(__always)
    static func hash(_ field: UInt8, _ term: UnsafeRawBufferPointer) -> UInt64 {
        let n = term.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(field) ^ (UInt64(n) << 8)
        var tail: UInt64 = 0
        if let p = term.baseAddress, n > 0 {
            if n >= 8 {
                var i = 0
                while i &+ 8 < n {
                    h = (h ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
                    h ^= h >> 29
                    i &+= 8
                }
                tail = p.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
            } else if n >= 4 {
                tail = UInt64(p.loadUnaligned(as: UInt32.self)) | UInt64(p.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)) << 32
            } else {
                tail = UInt64(p.load(as: UInt8.self)) | UInt64(p.load(fromByteOffset: n >> 1, as: UInt8.self)) << 8
                    | UInt64(p.load(fromByteOffset: n &- 1, as: UInt8.self)) << 16
            }
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 31)
    }
}
