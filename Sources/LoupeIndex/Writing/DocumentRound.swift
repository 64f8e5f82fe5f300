import LoupeCodec
import LoupeStorage

/// A round of documents handed to the background together: runs of the packer
/// (``DocumentBlockPacker``) and whole record groups, encoded off the committing thread while it
/// puts the round before: a flush's staging transaction (``DocumentStaging``), and a commit's
/// document pass for what is not staged.
struct DocumentRound: Sendable {
    /// Runs of documents to pack into blocks.
    var runs: [[DocumentBlockPacker.Document]] = []
    /// Record groups in doc order: the doc id their value goes under, the records an earlier
    /// commit left in the group (``RecordGroup``, already encoded), and the ones to add.
    var groups: [(lastDoc: UInt32, begun: RecordGroup, records: [DocumentRecord])] = []

    /// What a round encodes to: its blocks and its groups' values, in doc order.
    struct Encoded {
        var blocks: [DocumentBlockPacker.Block]
        var groups: [(lastDoc: UInt32, value: [UInt8])]
    }

    /// Packs the runs on `threads` workers and encodes the groups on one of them meanwhile, with
    /// one zstd context (the same bytes as one context per commit).
    func encoded(layout: PageLayout, threads: Int) -> Encoded {
        let groups = self.groups
        let values = UnsafeMutableBufferPointer<(lastDoc: UInt32, value: [UInt8])>.allocate(capacity: groups.count)
        values.initialize(repeating: (0, []))
        defer { values.deinitialize().deallocate() }
        let shared = DisjointBuffer(elements: values)
        let encodeGroups: @Sendable (Zstd.Compressor) -> Void = { compressor in
            for i in groups.indices {
                var records = groups[i].begun
                for record in groups[i].records { records.append(record) }
                shared.elements[i] = (groups[i].lastDoc, records.encoded(compressor: compressor))
            }
        }
        let blocks = DocumentBlockPacker.encode(runs, layout: layout, threads: threads, besides: groups.isEmpty ? nil : encodeGroups)
        return Encoded(blocks: blocks, groups: Array(values))
    }
}
