import LoupeTestSupport
import Testing
@testable import LoupeIndex

@Suite struct DocumentRecordTests {
    @Test(arguments: [
        DocumentRecord(id: "a/b.txt", title: "B", source: "/srv/a/b.txt", contentHash: 0x0123_4567_89AB_CDEF,
                       mtimeNanoseconds: 1_764_000_000_123_456_789, size: 4096, lengths: [91, 2, 5]),
        DocumentRecord(id: "", title: "", source: "", contentHash: 0, mtimeNanoseconds: 0, size: 0, lengths: [0, 0, 0]),
        DocumentRecord(id: "é/ß 日本", title: "t\nu", source: "jsonl:x", contentHash: .max, mtimeNanoseconds: -1, size: .max,
                       lengths: [.max, 1, 127]),
    ])
    func recordsRoundTrip(record: DocumentRecord) throws {
        let bytes = record.encoded()
        #expect(try bytes.withUnsafeBytes { try DocumentRecord(decoding: $0) } == record)
        // Every truncation is an error, never a crash or a wrong record.
        for cut in 0..<bytes.count {
            #expect(throws: (any Error).self) { try bytes[..<cut].withUnsafeBytes { try DocumentRecord(decoding: $0) } }
        }
    }
}

@Suite struct RecordGroupTests {
    @Test func recordsOfCommitsThatSplitGroupsAreAllFoundAndTouchable() throws {
        let dir = TemporaryDirectory("records")
        let index = try Index.openOrCreate(at: dir.path + "/index", analyzer: .preset(.simple))
        let writer = try IndexWriter(index: index)
        var serial = 0
        for size in [1, 31, 33, 7, 64] {  // groups of 32 begun by one commit and completed by the next
            for _ in 0..<size {
                try writer.add(DocumentInput(id: "d\(serial)", title: "Title \(serial)", text: "text \(serial)", size: UInt64(serial)))
                serial += 1
            }
            try writer.commit()
        }
        for id in [0, 31, 32, 64, 65, 71, 135] { writer.touch(id: "d\(id)", mtimeNanoseconds: 1000 + Int64(id), size: 7) }
        try writer.commit()

        let reader = try index.reader()
        for i in 0..<serial {
            let doc = try #require(try reader.docId(forId: "d\(i)"))
            let record = try #require(try reader.document(doc))
            #expect(record.id == "d\(i)" && record.title == "Title \(i)")
            let touched = [0, 31, 32, 64, 65, 71, 135].contains(i)
            #expect(record.mtimeNanoseconds == (touched ? 1000 + Int64(i) : 0))
            #expect(record.size == (touched ? 7 : UInt64(i)))
        }
        #expect(try reader.document(UInt32(serial)) == nil)
        #expect(try IndexChecker(index: index).check().problems == [])
    }

    @Test func aDamagedGroupIsAnErrorNotACrash() throws {
        let group = RecordGroup(records: (0..<5).map {
            DocumentRecord(id: "id\($0)", title: "t", source: "", contentHash: 1, mtimeNanoseconds: 0, size: 2, lengths: [1, 1, 1]).encoded()
        })
        let bytes = group.encoded()
        #expect(try bytes.withUnsafeBytes { try RecordGroup(decoding: $0) }.records == group.records)
        for cut in 0..<bytes.count {
            #expect(throws: (any Error).self) { try bytes[..<cut].withUnsafeBytes { try RecordGroup(decoding: $0) } }
        }
    }
}
