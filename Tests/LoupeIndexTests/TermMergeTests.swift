import LoupeAnalysis
import LoupeTestSupport
import Testing
@testable import LoupeIndex

/// ``TermMerge`` walks the union of several batches' keys in key order, with each key's slot in
/// every batch: keys compare by their first eight bytes first, so keys sharing those (long common
/// prefixes, a key that extends another) must still come out in byte order, and a key held by
/// several batches once, with all its slots.
@Suite struct TermMergeTests {
    @Test func keysSharingTheirFirstBytesMergeInByteOrderWithEveryBatchsSlot() {
        var random = SeededGenerator(seed: 41)
        let stems = ["internationalization", "internationalisation", "interna", "international", "a", "ab", "abcdefgh", "abcdefg"]
        let words = stems.flatMap { stem in [stem] + (0..<6).map { _ in stem + String(Int.random(in: 0..<40, using: &random)) } }
        let analyzer = Analyzer(.preset(.simple))
        var batches = (0..<3).map { _ in InvertedBatch() }
        for doc in 0..<90 {
            let text = (0..<8).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
            let field: IndexField = doc % 4 == 0 ? .title : .body
            _ = batches[doc % 3].invert(text, field: field, doc: UInt32(doc), analyzer: analyzer)
        }

        // Every batch's keys by slot, and the expected union in byte order.
        let keysBySlot = batches.map { batch in (0..<batch.interner.count).map { slot in batch.interner.withKey(slot) { Array($0) } } }
        var expected: [[UInt8]: [Int32]] = [:]
        for (b, keys) in keysBySlot.enumerated() {
            for (slot, key) in keys.enumerated() { expected[key, default: [-1, -1, -1]][b] = Int32(slot) }
        }
        let order = expected.keys.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(order.contains { $0.count > 9 } && order.count > 40)

        let slots = TermMerge(batches.map(\.interner)).slotsInKeyOrder()
        #expect(slots.count == order.count * 3)
        for (term, key) in order.enumerated() {
            #expect(Array(slots[(term * 3)..<(term * 3 + 3)]) == expected[key]!, "\(String(decoding: key.dropFirst(), as: UTF8.self))")
        }
    }
}
