import LoupeStorage
import LoupeTestSupport
import Testing
@testable import LoupeIndex

/// A commit's added ids put a slice at a time between its rounds (``AddedIdPuts``) leave the `ids`
/// table and the replaced documents that putting them all at once leaves, whatever the slices:
/// on a real LMDB file, with ids repeated in the batch and ids the index already holds.
@Suite struct AddedIdPutsTests {
    /// The `ids` table's entries, in key order.
    static func ids(_ index: Index) throws -> [[UInt8]] {
        var entries: [[UInt8]] = []
        try index.reader().snapshot.withCursor(index.tables.ids) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                entries += [Array(e.key), Array(e.value)]
                entry = try cursor.next()
            }
        }
        return entries
    }

    @Test func slicedPutsLeaveWhatPuttingEverythingAtOnceLeaves() throws {
        var random = SeededGenerator(seed: 17)
        // Ids of the batch: some repeated (runs of equal ids that a slice may cut), some already in the index.
        let held = (0..<40).map { "doc\($0 * 3)" }
        var list = ExternalIdList()
        for _ in 0..<300 { list.append("doc\(Int.random(in: 0..<150, using: &random))") }
        let base: UInt32 = 40
        var reference: (ids: [[UInt8]], deletions: [UInt32])?
        for slice in [Int.max, 1, 2, 7, 64] {
            let dir = TemporaryDirectory("added-ids")
            let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
            try index.environment.write { txn in
                for (doc, id) in held.enumerated() { try txn.put(index.tables.ids, key: Array(id.utf8), value: IndexFormat.docKey(UInt32(doc))) }
            }
            let deletions: [UInt32] = try index.environment.write { txn in
                var puts = try AddedIdPuts(list, base: base, table: index.tables.ids, txn)
                #expect(puts.count == 300)
                for _ in 0..<(slice == Int.max ? 1 : 300 / slice + 1) { try puts.put(txn, upTo: slice) }
                return puts.deletions
            }
            let result = (try Self.ids(index), deletions.sorted())
            if let reference {
                #expect(result.0 == reference.ids, "slices of \(slice)")
                #expect(result.1 == reference.deletions, "slices of \(slice)")
            } else {
                reference = result
                // Every id ends on its last document of the batch; each earlier one, and the index's own, is replaced.
                var last: [String: UInt32] = [:]
                for place in 0..<list.count { last[String(decoding: list.key(place), as: UTF8.self)] = base + UInt32(place) }
                let replacedInBatch = list.count - last.count
                let replacedHeld = held.filter { last[$0] != nil }.count
                #expect(deletions.count == replacedInBatch + replacedHeld)
            }
        }
    }

    /// The puts say whether they looked ids up (the commit then unmaps the pages read): never past
    /// the table's last key, so never on a fresh index; always for an id at or before it.
    @Test func putsSayWhetherTheyLookedIdsUp() throws {
        let dir = TemporaryDirectory("added-ids-lookups")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        var fresh = ExternalIdList()
        for id in ["b", "a", "c"] { _ = fresh.append(id) }
        try index.environment.write { txn in
            var puts = try AddedIdPuts(fresh, base: 0, table: index.tables.ids, txn)
            #expect(try puts.put(txn, upTo: 1) == false)
            #expect(try puts.put(txn) == false)
        }
        // The table now ends at "c": "d" and "e" go past it, "b" does not.
        var later = ExternalIdList()
        for id in ["e", "d", "b"] { _ = later.append(id) }
        try index.environment.write { txn in
            var puts = try AddedIdPuts(later, base: 3, table: index.tables.ids, txn)
            #expect(try puts.put(txn, upTo: 1) == true)
            #expect(try puts.put(txn) == false)
            #expect(puts.deletions == [0])  // "b" was doc 0
        }
    }
}
