import LoupeTestSupport
import Testing
@testable import LoupeIndex

@Suite struct TermInternerTests {
    /// Interns 200,000 random keys drawn from 30,000 (short and long terms, an empty one, the same
    /// bytes in several fields), so the table and the arena grow several times: each key keeps the
    /// slot it was first given, slots are dense in order of first appearance, a key's value is made
    /// once, when it is new, and keeps every write (a count of the key's occurrences here), every
    /// key reads back, and the slots sort as their keys' bytes do (many keys share their first
    /// eight bytes).
    @Test func slotsAndValuesMatchADictionaryThroughGrowth() {
        var random = SeededGenerator(seed: 13)
        var keys: [(field: UInt8, term: [UInt8])] = [(0, [])]
        for _ in 0..<30_000 {
            let length = Int.random(in: 1...(Bool.random(using: &random) ? 9 : 60), using: &random)
            let term = (0..<length).map { _ in UInt8.random(in: 0x61...0x64, using: &random) }
            keys.append((UInt8.random(in: 0...2, using: &random), term))
        }
        var interner = TermInterner<Occurrences>(capacity: 16)
        var expected: [[UInt8]: Int] = [:]
        var occurrences: [Int] = []
        for _ in 0..<200_000 {
            let key = keys[Int.random(in: 0..<keys.count, using: &random)]
            let full = [key.field] + key.term
            var made = false
            let entry = key.term.withUnsafeBytes {
                interner.intern(field: key.field, term: $0) {
                    made = true
                    return Occurrences(count: 0, check: UInt8(truncatingIfNeeded: full.count))
                }
            }
            let slot = interner.slot(entry)
            #expect(made == (expected[full] == nil))
            if let known = expected[full] {
                #expect(slot == known)
            } else {
                #expect(slot == expected.count)
                expected[full] = slot
                occurrences.append(0)
            }
            interner.value(entry).pointee.count += 1
            occurrences[slot] += 1
        }
        #expect(interner.count == expected.count)
        interner.withKeys { keys in
            for (key, slot) in expected {
                #expect(interner.withKey(slot) { Array($0) } == key)
                #expect(Array(keys.key(slot)) == key)
                #expect(interner.field(slot) == key[0])
                #expect(interner.value(slot: slot) == Occurrences(count: occurrences[slot], check: UInt8(truncatingIfNeeded: key.count)))
                #expect(keys.value(slot) == interner.value(slot: slot))
            }
        }
        let sorted = interner.sortedSlots().map { entry in interner.withKey(Int(entry.slot)) { Array($0) } }
        #expect(sorted == expected.keys.sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test func sortedSlotsFollowTheKeyBytes() {
        var interner = TermInterner<UInt8>()
        let keys: [(UInt8, String)] = [(1, "b"), (0, "ba"), (0, "b"), (0, ""), (2, "a"), (0, "a\u{00e9}"), (0, "az")]
        for (field, term) in keys { _ = Array(term.utf8).withUnsafeBytes { interner.intern(field: field, term: $0) { 0 } } }
        let sorted = interner.sortedSlots().map { entry in interner.withKey(Int(entry.slot)) { Array($0) } }
        let expected = keys.map { [$0.0] + Array($0.1.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(sorted == expected)
    }

    /// A slot's first key bytes and length order it alone only where they decide: keys of zero
    /// bytes (which the zero padding resembles), keys of every length around the eleven bytes
    /// decided, one the prefix of another, and keys longer than the 255 a length holds. The sort
    /// and every pairwise order the first bytes give are the keys' byte order.
    @Test func sortedSlotsOrderKeysThatTheirFirstBytesDoNotDecide() {
        var random = SeededGenerator(seed: 77)
        var terms: Set<[UInt8]> = [[], [0], [0, 0], [1]]
        for length in 0...15 {
            for _ in 0..<12 { terms.insert((0..<length).map { _ in [0, 1, 0xFF].randomElement(using: &random)! }) }
            terms.insert([UInt8](repeating: 0, count: length))
        }
        // Keys sharing their first eleven bytes (the field's and ten of the term), then differing.
        let shared = (0..<10).map { _ in UInt8.random(in: 0...2, using: &random) }
        for tail: [UInt8] in [[], [0], [1], [0xFF], [0, 0], [0, 1], [1, 0], [0xFF, 0xFF], [0, 0, 0]] { terms.insert(shared + tail) }
        let long = (0..<254).map { _ in UInt8.random(in: 0...2, using: &random) }
        for extra in [0, 1, 2, 3, 40] {
            terms.insert(long + [UInt8](repeating: 0, count: extra))
            terms.insert(long + [UInt8](repeating: 1, count: extra))
        }
        var interner = TermInterner<UInt8>()
        let keys = terms.map { [0] + $0 }
        for key in keys { _ = Array(key.dropFirst()).withUnsafeBytes { interner.intern(field: 0, term: $0) { 0 } } }
        let slots = interner.sortedSlots()
        let sorted = slots.map { interner.withKey(Int($0.slot)) { Array($0) } }, expected = keys.sorted { $0.lexicographicallyPrecedes($1) }
        let misplaced = sorted.indices.first { $0 >= expected.count || sorted[$0] != expected[$0] }
        #expect(sorted.count == expected.count && misplaced == nil, "first misplaced key at \(misplaced ?? -1): \(misplaced.map { sorted[$0] } ?? [])")
        for a in slots {
            for b in slots {
                guard let order = TermInterner<UInt8>.SortedSlot.order(a, b) else { continue }
                let ka = interner.withKey(Int(a.slot)) { Array($0) }, kb = interner.withKey(Int(b.slot)) { Array($0) }
                #expect(order == (ka == kb ? 0 : (ka.lexicographicallyPrecedes(kb) ? -1 : 1)), "\(ka) against \(kb)")
            }
        }
    }

    /// The inlined key comparison against the bytes themselves: for every length up to 40, equal
    /// copies compare equal and a copy differing in any single byte compares unequal (the
    /// overlapping words and the first/middle/last bytes of short keys must miss no position).
    @Test func keyComparisonFindsEveryDifferingByte() {
        var random = SeededGenerator(seed: 0xC0DE)
        for length in 0...40 {
            let a = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            #expect(Self.equal(a, a))
            for position in 0..<length {
                var b = a
                b[position] ^= UInt8.random(in: 1...255, using: &random)
                #expect(!Self.equal(a, b), "length \(length), byte \(position)")
            }
        }
    }

    /// Keys of every length up to 24 that differ in one byte each get slots of their own, and
    /// hash as the same key wherever their bytes lie.
    @Test func keysDifferingInOneByteAreDistinct() {
        var interner = TermInterner<UInt32>(capacity: 16)
        var keys: [[UInt8]] = []
        for length in 1...24 {
            let base = [UInt8](repeating: 0x61, count: length)
            keys.append(base)
            for position in 0..<length {
                var key = base
                key[position] = 0x62
                keys.append(key)
            }
        }
        for (slot, key) in keys.enumerated() {
            #expect(interner.slot(key.withUnsafeBytes { interner.intern(field: 0, term: $0) { UInt32(slot) } }) == slot)
        }
        for (slot, key) in keys.enumerated() {
            // The same bytes at another address, after other bytes.
            let shifted = [0x7A, 0x7A, 0x7A] + key
            let found = shifted.withUnsafeBytes { interner.intern(field: 0, term: UnsafeRawBufferPointer(rebasing: $0[3...])) { .max } }
            #expect(interner.slot(found) == slot)
            #expect(interner.value(found).pointee == UInt32(slot))
        }
        #expect(interner.count == keys.count)
    }

    private static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBytes { a in
            b.withUnsafeBytes { b in
                guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
                return TermInterner<UInt8>.equal(pa, pb, count: a.count)
            }
        }
    }

    /// A value of 9 bytes, aligned to 8, which pads to 16 in an entry: a count and a byte derived
    /// from its key.
    struct Occurrences: Equatable {
        var count: Int
        var check: UInt8
    }
}
