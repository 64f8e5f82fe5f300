import LoupeTestSupport
import Testing
@testable import LoupeStorage

@Suite struct PageLayoutTests {
    @Test func fourKiBPagesKeepValuesUpTo2026BytesInTheLeaf() {
        let layout = PageLayout(pageSize: 4096)
        #expect(layout.largestInlineValue(keySize: 4) == 2026)
        #expect(layout.overflowPages(valueSize: 4080) == 1)
        #expect(layout.overflowPages(valueSize: 4081) == 2)
        #expect(layout.largestValue(inOverflowPages: 2) == 8176)
        #expect(layout.capacity(forValueSize: 100, keySize: 4) == 2026)
        #expect(layout.capacity(forValueSize: 2027, keySize: 4) == 4080)
        #expect(layout.capacity(forValueSize: 5000, keySize: 4) == 8176)
    }

    /// What LMDB itself does with values at each boundary the layout names: the pages each takes.
    @Test func lmdbUsesThePagesTheLayoutPredicts() throws {
        let dir = TemporaryDirectory()
        let env = try Environment(path: dir.path)
        let layout = env.pageLayout
        let inline = layout.largestInlineValue(keySize: 4)
        let onePage = layout.largestValue(inOverflowPages: 1)
        // value size → pages of a database holding just that value under a 4-byte key
        let cases = [(inline, 1), (inline + 1, 2), (onePage, 2), (onePage + 1, 3)]
        for (i, (size, pages)) in cases.enumerated() {
            let db = try env.openDatabase("boundary\(i)")
            try env.write { txn in try txn.put(db, key: [0, 0, 0, 1], value: [UInt8](repeating: 7, count: size)) }
            let statistics = try env.read { try $0.statistics(db) }
            #expect(statistics.pages == pages, "a value of \(size) bytes")
            #expect(statistics.pageSize == layout.pageSize)
        }
    }
}
