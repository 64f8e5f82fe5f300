import LoupeStorage
import LoupeTestSupport
import Testing
@testable import LoupeIndex

/// ``SortedPuts`` leaves a table holding exactly what was put, whether the keys append past its
/// end or fall inside it, through its kept cursor (`onlyWriter`) or through `mdb_put`: on a real
/// LMDB file, over several transactions and page splits.
@Suite struct SortedPutsTests {
    @Test(arguments: [false, true]) func putsLeaveTheTableHoldingWhatWasPut(onlyWriter: Bool) throws {
        let dir = TemporaryDirectory("sorted-puts")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        var random = SeededGenerator(seed: onlyWriter ? 5 : 6)
        var reference: [[UInt8]: [UInt8]] = [:]
        var next = 0
        for _ in 0..<3 {
            try index.environment.write { txn in
                var puts = try SortedPuts(index.tables.ids, txn, onlyWriter: onlyWriter)
                for _ in 0..<3000 {
                    let key: [UInt8]
                    if reference.isEmpty || Int.random(in: 0..<4, using: &random) > 0 {
                        // Past the end, in order: appended.
                        next += Int.random(in: 1...3, using: &random)
                        key = Array(String(format: "k%08d", next).utf8)
                    } else {
                        // At or before the end: an existing key or a new one inside the table.
                        key = Array(String(format: "k%08d", Int.random(in: 0...next, using: &random)).utf8)
                    }
                    let value = (0..<Int.random(in: 1...40, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                    try puts.put(key, value, txn)
                    reference[key] = value
                }
            }
        }
        var held: [[UInt8]: [UInt8]] = [:]
        var keys: [[UInt8]] = []
        try index.reader().snapshot.withCursor(index.tables.ids) { cursor in
            var entry = try cursor.first()
            while let e = entry {
                keys.append(Array(e.key))
                held[Array(e.key)] = Array(e.value)
                entry = try cursor.next()
            }
        }
        #expect(held == reference)
        #expect(keys == reference.keys.sorted { $0.lexicographicallyPrecedes($1) })
    }
}
