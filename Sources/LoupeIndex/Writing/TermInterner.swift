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

    /// A slot, and what its key's first bytes say of its order: the first eight as a big-endian
    /// number, zero-padded (`prefix`), then the next three and the length (at most 255) in
    /// `rest`. A key of at most ``SortedSlot/decidedLength`` bytes is ordered by these alone,
    /// against any key; only two longer keys sharing those bytes compare the rest of theirs. Most
    /// keys are that short, and the sort and the merge (``TermMerge``), where most keys of one
    /// batch meet the same key in another, then read no key from the arena: a cache miss each.
    struct SortedSlot {
        var prefix: UInt64
        var slot: UInt32
        /// Key bytes 8, 9 and 10 (zero-padded), then the key's length capped at 255.
        var rest: UInt32

        /// The longest key that ``order(_:_:)`` orders alone.
        static var decidedLength: UInt32 { 11 }

        /// The order of the keys of `a` and `b` (-1, 0, 1) as their bytes give it, when their
        /// first bytes and lengths decide it; nil when both are longer and share those bytes.
        @inline(__always)
        static func order(_ a: SortedSlot, _ b: SortedSlot) -> Int? {
            if a.prefix != b.prefix { return a.prefix < b.prefix ? -1 : 1 }
            if a.rest >> 8 != b.rest >> 8 { return a.rest >> 8 < b.rest >> 8 ? -1 : 1 }
            // The same first eleven bytes, zero-padded: a key that short is a prefix of the other,
            // or the same key.
            let la = a.rest & 0xFF, lb = b.rest & 0xFF
            guard la <= decidedLength || lb <= decidedLength else { return nil }
            return la == lb ? 0 : (la < lb ? -1 : 1)
        }
    }

    /// All slots sorted by key bytes (field, then term), the order of the `terms` table, with
    /// what their first bytes say of their order (``SortedSlot``), which decides most comparisons
    /// of the sort and of a merge with another interner's slots (``TermMerge``).
    ///
    /// The slots are first dealt into buckets by their keys' first two bytes (the field and the
    /// term's first byte), then each bucket is sorted alone: a flush waits for the sort, and one
    /// comparison sort of the whole dictionary took about half as long again (a few hundred
    /// thousand keys per batch on the bench corpus, most buckets a few thousand).
    func sortedSlots() -> [SortedSlot] {
        let raw = UnsafeRawPointer(bytes)
        let unsorted = (0..<count).map { slot in Self.sortedSlot(Self.key(raw, Int(entries[slot])), slot: slot) }
        let buckets = 1 << 16
        var starts = [Int](repeating: 0, count: buckets + 1)
        for entry in unsorted { starts[Int(entry.prefix >> 48) + 1] += 1 }
        for b in 0..<buckets { starts[b + 1] += starts[b] }
        var next = starts
        var order = [SortedSlot](unsafeUninitializedCapacity: unsorted.count) { order, initialized in
            for entry in unsorted {
                let b = Int(entry.prefix >> 48)
                (order.baseAddress! + next[b]).initialize(to: entry)
                next[b] += 1
            }
            initialized = unsorted.count
        }
        entries.withUnsafeBufferPointer { entries in
            order.withUnsafeMutableBufferPointer { order in
                for b in 0..<buckets where starts[b + 1] - starts[b] > 1 {
                    var bucket = UnsafeMutableBufferPointer(rebasing: order[starts[b]..<starts[b + 1]])
                    bucket.sort { a, b in
                        if let order = SortedSlot.order(a, b) { return order < 0 }
                        return IndexFormat.compareKeys(Self.key(raw, Int(entries[Int(a.slot)])), Self.key(raw, Int(entries[Int(b.slot)]))) < 0
                    }
                }
            }
        }
        return order
    }

    /// `slot` with what the first bytes of its `key` say of its order.
    private static func sortedSlot(_ key: UnsafeRawBufferPointer, slot: Int) -> SortedSlot {
        var prefix: UInt64 = 0
        for i in 0..<8 { prefix = prefix << 8 | UInt64(i < key.count ? key[i] : 0) }
        var rest: UInt32 = 0
        for i in 8..<11 { rest = rest << 8 | UInt32(i < key.count ? key[i] : 0) }
        return SortedSlot(prefix: prefix, slot: UInt32(slot), rest: rest << 8 | UInt32(min(key.count, 255)))
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
