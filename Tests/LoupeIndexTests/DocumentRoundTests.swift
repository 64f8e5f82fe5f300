import LoupeCodec
import LoupeStorage
import LoupeTestSupport
import Testing
@testable import LoupeIndex

/// A round of a commit's documents encodes, off the committing thread, to the blocks and record
/// groups the packer and the groups give one at a time.
@Suite struct DocumentRoundTests {
    @Test func aRoundEncodesAsItsRunsAndGroupsOneAtATime() throws {
        let records = PendingMetadataTests.records(40, seed: 21)
        var random = SeededGenerator(seed: 22)
        let texts = (0..<40).map { _ in (0..<Int.random(in: 0...600, using: &random)).map { _ in "w\(Int.random(in: 0..<500, using: &random))" }.joined(separator: " ") }
        let layout = PageLayout(pageSize: 4096)
        // Docs 20..<60: the first group was begun by an earlier commit (docs 0..<20), the second is new.
        let earlier = PendingMetadataTests.records(20, seed: 23)
        let begun = RecordGroup(records: earlier.map { $0.encoded() })
        var round = DocumentRound()
        round.runs = [(0..<25).map { (UInt32(20 + $0), texts[$0]) }, (25..<40).map { (UInt32(20 + $0), texts[$0]) }]
        round.groups = [(31, begun, Array(records[0..<12])), (59, RecordGroup(records: []), Array(records[12..<40]))]
        let encoded = round.encoded(layout: layout, threads: 2)

        let compressor = Zstd.Compressor()
        let blocks = round.runs.flatMap { DocumentBlockPacker.pack($0, layout: layout, compressor: compressor) }
        #expect(encoded.blocks.map(\.lastDoc) == blocks.map(\.lastDoc))
        #expect(encoded.blocks.map(\.value) == blocks.map(\.value))
        let first = RecordGroup(records: (earlier + records[0..<12]).map { $0.encoded() }).encoded()
        let second = RecordGroup(records: records[12..<40].map { $0.encoded() }).encoded()
        #expect(encoded.groups.map(\.lastDoc) == [31, 59])
        #expect(encoded.groups.map(\.value) == [first, second])
        let decoded = try encoded.groups[0].value.withUnsafeBytes { try RecordGroup(decoding: $0) }
        #expect(try decoded.record(at: 20) == records[0] && decoded.record(at: 31) == records[11])

        // The groups are encoded beside the packing: a round of groups alone, or of runs alone,
        // on one thread or more.
        for threads in [1, 2, 3] {
            var groupsOnly = round
            groupsOnly.runs = []
            let groups = groupsOnly.encoded(layout: layout, threads: threads)
            #expect(groups.blocks.isEmpty && groups.groups.map(\.value) == [first, second])
            var runsOnly = round
            runsOnly.groups = []
            let runs = runsOnly.encoded(layout: layout, threads: threads)
            #expect(runs.groups.isEmpty && runs.blocks.map(\.value) == blocks.map(\.value))
        }
    }
}
