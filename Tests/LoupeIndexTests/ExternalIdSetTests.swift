import LoupeTestSupport
import Testing
@testable import LoupeIndex

/// The compact id storage of bulk loads answers as `Set<String>` and `[String]` do.
@Suite struct ExternalIdSetTests {
    @Test func theSetAnswersAsASetOfStrings() {
        var random = SeededGenerator(seed: 11)
        var set = ExternalIdSet(), reference = Set<String>()
        let alphabet = Array("ab/é.0💡")
        for _ in 0..<20_000 {
            let id = String((0..<Int.random(in: 0...6, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            #expect(set.insert(id) == reference.insert(id).inserted, "\(id)")
        }
        #expect(set.count == reference.count)
        for _ in 0..<2_000 {
            let id = String((0..<Int.random(in: 0...7, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            #expect(set.contains(id) == reference.contains(id), "\(id)")
        }
        #expect(set.contains("") == reference.contains(""))
    }

    @Test func theListKeepsEveryIdsBytes() {
        var list = ExternalIdList()
        let ids = ["", "doc", "bible/01-genesis/001.txt", "naïve 💡", String(repeating: "x", count: 5000)]
        for (i, id) in ids.enumerated() { #expect(list.append(id) == i) }
        #expect(list.count == ids.count)
        for (i, id) in ids.enumerated() { #expect(list.key(i) == Array(id.utf8)) }
        list.removeAll()
        #expect(list.count == 0)
    }

    @Test func theListSortsItsIdsAsLMDBKeysWithEqualIdsInOrder() {
        var random = SeededGenerator(seed: 12)
        var list = ExternalIdList()
        let alphabet = Array("ab/é0")
        var ids: [String] = []
        for _ in 0..<3_000 {
            let id = String((0..<Int.random(in: 0...4, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            ids.append(id)
            list.append(id)
        }
        let order = list.sortedIndices().map(Int.init)
        let expected = ids.indices.sorted { a, b in
            let x = Array(ids[a].utf8), y = Array(ids[b].utf8)
            return x == y ? a < b : x.lexicographicallyPrecedes(y)
        }
        #expect(order == expected)
        for (a, b) in zip(order, order.dropFirst()) { #expect(list.equal(a, b) == (ids[a] == ids[b])) }
        #expect(ExternalIdList().sortedIndices().isEmpty)
    }
}
