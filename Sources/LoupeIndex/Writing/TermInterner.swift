#if canImport(Glibc)
import Glibc
#endif

/// Maps (field, term bytes) to dense slot numbers 0, 1, 2 … for the duration of one batch, and
/// keeps a value of its owner's beside each key (an ``InvertedBatch``'s postings state).
///
/// An open-addressing hash table (linear probing, at most half full) over one byte arena:
/// interning a term that is already known allocates nothing, which matters because bulk indexing
/// interns tens of millions of tokens. It is laid out for the cache, since a batch's dictionary
/// outgrows it: a table entry holds 32 bits of the key's hash beside the arena offset of its
/// entry, so a probe rarely looks at a key that is not the one sought, and an arena entry holds
/// the value, the slot and the length beside the key bytes, so a known term costs two memory
/// accesses (the table's and the arena's) and its value is in the cache once its key compared
/// equal. With the values in an array of their own, by slot, a token cost a third miss (16 % of
/// inverting the bench corpus).
///
/// Arena entry (8-byte aligned): the value, padded to 8 bytes; u32 slot, u32 key length; the key
/// (the field byte, then the term), padded to 8 bytes. Table entry: hash tag (the hash's high 32
/// bits) << 32 | arena offset; ``empty`` marks a free one.
///
/// The arena is a ``GrowingBuffer``, a reference that copies of an interner share, so that the
/// per-token closure writes values without copy-on-write checks: an interner is written by one
/// owner, on one thread, and read by others only once writing is over.
struct TermInterner<Value: BitwiseCopyable> {
    /// Where a key's entry lies in the arena: its value's address while no key is added.
    typealias Entry = Int

    /// The arena, in words so that its entries are 8-byte aligned.
    private let arena = GrowingBuffer<UInt64>(capacity: 1 << 9)
    /// The arena's first byte; valid until the next key is added.
    private var bytes: UnsafeMutableRawPointer { UnsafeMutableRawPointer(arena.base) }
    /// Per slot: where its arena entry starts.
    private var entries: [UInt32] = []
    private var table: [UInt64]
    private var mask: Int

    private static var empty: UInt64 { .max }
    /// Bytes of an arena entry before its key: the value, the slot and the length.
    private static var headerSize: Int { valueSize + 8 }
    /// Bytes of an entry's value, padded.
    private static var valueSize: Int { (MemoryLayout<Value>.size + 7) & ~7 }

    init(capacity: Int = 1 << 16) {
        precondition(MemoryLayout<Value>.alignment <= 8, "TermInterner: values align to at most 8 bytes")
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        table = [UInt64](repeating: Self.empty, count: size)
        mask = size - 1
    }

    /// Number of distinct keys.
    var count: Int { entries.count }
    /// Bytes held, for the memory budget.
    var memoryBytes: Int { arena.capacity * 8 + entries.capacity * 4 + table.capacity * 8 }

    /// The entry of `term` in `field`, added with the value `initial()` when new.
    @inline(__always)
    mutating func intern(field: UInt8, term: UnsafeRawBufferPointer, initial: () -> Value) -> Entry {
        let hash = Self.hash(field, term)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var i = Int(truncatingIfNeeded: hash) & mask
        let arena = UnsafeRawPointer(bytes)
        let found: Int? = table.withUnsafeBufferPointer { table in
            while true {
                let entry = table[i]
                if entry == Self.empty { return nil }
                if entry & 0xFFFF_FFFF_0000_0000 == tag {
                    let offset = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF)
                    if Self.matches(arena + offset, field, term) { return offset }
                }
                i = (i &+ 1) & mask
            }
        }
        if let found { return found }
        return insert(field: field, term: term, value: initial(), tag: tag, at: i)
    }

    /// The value of `entry`, written in place: valid until the next key is added.
    @inline(__always)
    func value(_ entry: Entry) -> UnsafeMutablePointer<Value> {
        (bytes + entry).assumingMemoryBound(to: Value.self)
    }

    /// The value of `slot`.
    func value(slot: Int) -> Value { value(Int(entries[slot])).pointee }

    /// The slot of `entry`.
    func slot(_ entry: Entry) -> Int {
        Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: entry + Self.valueSize, as: UInt32.self)))
    }

    /// Adds the key at free table entry `i`; returns its entry.
    private mutating func insert(field: UInt8, term: UnsafeRawBufferPointer, value: Value, tag: UInt64, at i: Int) -> Entry {
        let slot = entries.count
        let size = (Self.headerSize + 1 + term.count + 7) & ~7
        let offset = arena.count * 8
        precondition(offset + size < Int(UInt32.max), "TermInterner: 4 GiB of keys")
        let entry = UnsafeMutableRawPointer(arena.extend(by: size / 8))
        entry.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        entry.storeBytes(of: value, as: Value.self)
        entry.storeBytes(of: UInt32(slot).littleEndian, toByteOffset: Self.valueSize, as: UInt32.self)
        entry.storeBytes(of: UInt32(term.count + 1).littleEndian, toByteOffset: Self.valueSize + 4, as: UInt32.self)
        entry.storeBytes(of: field, toByteOffset: Self.headerSize, as: UInt8.self)
        if let bytes = term.baseAddress { (entry + Self.headerSize + 1).copyMemory(from: bytes, byteCount: term.count) }
        entries.append(UInt32(offset))
        table[i] = tag | UInt64(offset)
        if entries.count * 2 > table.count { grow() }
        return offset
    }

    /// The field byte of `slot`.
    func field(_ slot: Int) -> UInt8 { bytes.load(fromByteOffset: Int(entries[slot]) + Self.headerSize, as: UInt8.self) }

    /// Calls `body` with the key bytes (field byte, then term) of `slot`.
    func withKey<R>(_ slot: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(Self.key(bytes, Int(entries[slot])))
    }

    /// Calls `body` with the keys of every slot, readable without reference counting.
    func withKeys<R>(_ body: (Keys) throws -> R) rethrows -> R {
        try entries.withUnsafeBufferPointer { try body(Keys(arena: UnsafeRawPointer(bytes), entries: $0)) }
    }

    /// The keys and values of an interner, through pointers into its storage: valid while
    /// ``withKeys(_:)``'s closure runs, and while no key is added.
    struct Keys {
        fileprivate let arena: UnsafeRawPointer
        fileprivate let entries: UnsafeBufferPointer<UInt32>

        /// The key bytes (field byte, then term) of `slot`.
        func key(_ slot: Int) -> UnsafeRawBufferPointer { TermInterner.key(arena, Int(entries[slot])) }

        /// The value of `slot`.
        func value(_ slot: Int) -> Value { arena.load(fromByteOffset: Int(entries[slot]), as: Value.self) }
    }

    /// A slot, and its key's first eight bytes as a big-endian number, zero-padded: two keys whose
    /// prefixes differ are in the order of their prefixes; only keys sharing one compare their bytes.
    struct SortedSlot {
        var prefix: UInt64
        var slot: UInt32
    }

    /// All slots sorted by key bytes (field, then term), the order of the `terms` table, with
    /// their prefixes, which decide most comparisons from the array being sorted (and most of a
    /// merge's with another interner's, ``TermMerge``).
    func sortedSlots() -> [SortedSlot] {
        let raw = UnsafeRawPointer(bytes)
        var order = (0..<count).map { slot in SortedSlot(prefix: Self.prefix(Self.key(raw, Int(entries[slot]))), slot: UInt32(slot)) }
        order.sort { a, b in
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            let ka = Self.key(raw, Int(entries[Int(a.slot)])), kb = Self.key(raw, Int(entries[Int(b.slot)]))
            let c = memcmp(ka.baseAddress!, kb.baseAddress!, min(ka.count, kb.count))
            return c != 0 ? c < 0 : ka.count < kb.count
        }
        return order
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
    fileprivate static func key(_ arena: UnsafeRawPointer, _ offset: Int) -> UnsafeRawBufferPointer {
        let length = Int(UInt32(littleEndian: arena.load(fromByteOffset: offset + valueSize + 4, as: UInt32.self)))
        return UnsafeRawBufferPointer(start: arena + offset + headerSize, count: length)
    }

    /// Whether the arena entry at `base` holds `field` and `term`.
    @inline(__always)
    private static func matches(_ base: UnsafeRawPointer, _ field: UInt8, _ term: UnsafeRawBufferPointer) -> Bool {
        guard Int(UInt32(littleEndian: base.load(fromByteOffset: valueSize + 4, as: UInt32.self))) == term.count + 1,
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
        for offset in entries {
            let key = Self.key(bytes, Int(offset))
            let hash = Self.hash(key[0], UnsafeRawBufferPointer(rebasing: key[1...]))
            var i = Int(truncatingIfNeeded: hash) & mask
            while grown[i] != Self.empty { i = (i &+ 1) & mask }
            grown[i] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(offset)
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
