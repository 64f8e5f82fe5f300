import LoupeAnalysis
import LoupeTestSupport
import Testing
@testable import LoupeIndex

/// ``TermMerge`` walks the union of several batches' keys in key order, with each key's slot in
/// every batch: keys compare by their first eight bytes first, so keys sharing those (long common
/// prefixes, a key that extends another) must still come out in byte order, and a key held by
/// several batches once, with all its slots, also where the merge cuts its key ranges.
@Suite struct TermMergeTests {
    /// Batches of `documents[b]` documents each, of words sharing long prefixes.
    func batches(documents: [Int], seed: UInt64) -> [InvertedBatch] {
        var random = SeededGenerator(seed: seed)
        let stems = ["internationalization", "internationalisation", "interna", "international", "a", "ab", "abcdefgh", "abcdefg"]
        let words = stems.flatMap { stem in [stem] + (0..<30).map { _ in stem + String(Int.random(in: 0..<400, using: &random)) } }
        let analyzer = Analyzer(.preset(.simple))
        var batches = documents.map { _ in InvertedBatch() }
        var doc: UInt32 = 0
        for (b, count) in documents.enumerated() {
            for _ in 0..<count {
                let text = (0..<8).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
                _ = batches[b].invert(text, field: doc % 4 == 0 ? .title : .body, doc: doc, analyzer: analyzer)
                doc += 1
            }
        }
        return batches
    }

    /// Checks the merge of `batches` against the union of their keys sorted by their bytes.
    func expectMergedInByteOrder(_ batches: [InvertedBatch]) {
        let width = batches.count
        let keysBySlot = batches.map { batch in (0..<batch.interner.count).map { slot in batch.interner.withKey(slot) { Array($0) } } }
        var expected: [[UInt8]: [Int32]] = [:]
        for (b, keys) in keysBySlot.enumerated() {
            for (slot, key) in keys.enumerated() { expected[key, default: [Int32](repeating: -1, count: width)][b] = Int32(slot) }
        }
        let order = expected.keys.sorted { $0.lexicographicallyPrecedes($1) }

        let slots = TermMerge(batches.map(\.interner)).slotsInKeyOrder()
        #expect(slots.count == order.count * width)
        guard slots.count == order.count * width else { return }
        for (term, key) in order.enumerated() {
            #expect(Array(slots[(term * width)..<(term * width + width)]) == expected[key]!, "\(String(decoding: key.dropFirst(), as: UTF8.self))")
        }
    }

    @Test func keysSharingTheirFirstBytesMergeInByteOrderWithEveryBatchsSlot() {
        let batches = batches(documents: [30, 30, 30], seed: 41)
        #expect(batches.allSatisfy { $0.interner.count > 40 })
        expectMergedInByteOrder(batches)
    }

    /// The key ranges merged at once are cut at keys of the largest batch: batches of very
    /// different sizes, an empty one, and one batch alone merge as one range does.
    @Test func batchesOfAnySizeMergeAsOneRangeDoes() {
        for (seed, documents) in [(7, [200, 3, 0, 60]), (8, [0, 150]), (9, [150, 150]), (10, [90]), (11, [0, 0]), (12, [1, 1, 1])] {
            expectMergedInByteOrder(batches(documents: documents, seed: UInt64(seed)))
        }
    }
}
