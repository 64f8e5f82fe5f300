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
