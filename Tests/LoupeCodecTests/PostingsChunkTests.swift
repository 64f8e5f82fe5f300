import LoupeTestSupport
import Testing
@testable import LoupeCodec

@Suite struct PostingsChunkTests {
    /// Encodes, then decodes block by block, and checks every posting and skip entry.
    func roundTrip(_ docs: [UInt32], _ tfs: [UInt32], _ lengths: [UInt32]) throws {
        let bytes = PostingsChunkEncoder.encode(docs: docs, tfs: tfs, lengths: lengths)
        try bytes.withUnsafeBytes { raw in
            let chunk = try #require(PostingsChunk(raw))
            #expect(chunk.docCount == docs.count)
            var outDocs: [UInt32] = []
            var outTfs: [UInt32] = []
            var d = [UInt32](repeating: 0, count: 128)
            var t = [UInt32](repeating: 0, count: 128)
            for block in 0..<chunk.blockCount {
                let n = d.withUnsafeMutableBufferPointer { dp in
                    t.withUnsafeMutableBufferPointer { tp in chunk.decode(block: block, docs: dp.baseAddress!, tfs: tp.baseAddress!) }
                }
                outDocs += d[0..<n]
                outTfs += t[0..<n]
                if chunk.isPacked(block: block) {
                    // Doc ids alone, then the frequencies on their own: the same values.
                    var lateTfs = [UInt32](repeating: 0, count: 128)
                    var lateDocs = [UInt32](repeating: 0, count: 128)
                    lateDocs.withUnsafeMutableBufferPointer { dp in _ = chunk.decode(block: block, docs: dp.baseAddress!, tfs: nil) }
                    lateTfs.withUnsafeMutableBufferPointer { chunk.decodeFrequencies(block: block, into: $0.baseAddress!) }
                    #expect(lateDocs == d && lateTfs == t)
                    // And each one read alone from the packed bits.
                    let packed = chunk.packedFrequencies(block: block)
                    #expect((0..<128).map { BitPacking.value(at: $0, in: packed.bytes, bits: packed.bits) &+ 1 } == t)
                } else {
                    #expect(n < 128)
                }
                #expect(chunk.lastDoc(ofBlock: block) == d[n - 1])
                let impacts = chunk.impacts(ofBlock: block)
                for i in block * 128..<block * 128 + n { #expect(impacts.dominates(tf: tfs[i], length: lengths[i])) }
                // The impacts are attained: each corner's tf and length occur in the block.
                #expect(tfs[block * 128..<block * 128 + n].contains(impacts.tf1))
                #expect(lengths[block * 128..<block * 128 + n].contains(impacts.length2))
            }
            #expect(outDocs == docs)
            #expect(outTfs == tfs)
            try chunk.validate { doc in lengths[docs.firstIndex(of: doc)!] }
        }
    }

    func randomList(count: Int, maxGap: UInt32, seed: UInt64) -> ([UInt32], [UInt32], [UInt32]) {
        var rng = SeededGenerator(seed: seed)
        var docs: [UInt32] = []
        var doc: UInt32 = UInt32.random(in: 0...maxGap, using: &rng)
        for _ in 0..<count {
            docs.append(doc)
            doc += UInt32.random(in: 1...maxGap, using: &rng)
        }
        let tfs = docs.map { _ in UInt32.random(in: 1...(rng.next() % 8 == 0 ? 5000 : 3), using: &rng) }
        let lengths = docs.map { _ in UInt32.random(in: 1...2000, using: &rng) }
        return (docs, tfs, lengths)
    }

    @Test(arguments: [1, 127, 128, 129, 256, 1000])
    func roundTripsListsAroundBlockBoundaries(count: Int) throws {
        let (docs, tfs, lengths) = randomList(count: count, maxGap: 50, seed: UInt64(count))
        try roundTrip(docs, tfs, lengths)
    }

    @Test func shortListsUseTheCompactLayout() throws {
        let short = PostingsChunkEncoder.encode(docs: [7], tfs: [2], lengths: [30])
        #expect(short == [PostingsChunkFormat.shortKind(docCount: 1), 7, 2, 30])
        let blocked = PostingsChunkEncoder.encode(docs: (0..<128).map { UInt32($0) }, tfs: .init(repeating: 1, count: 128), lengths: .init(repeating: 1, count: 128))
        #expect(blocked[0] == PostingsChunkFormat.blocked)
    }

    @Test func shortListsStoreTwoCornersOnlyWhenNeitherDominates() throws {
        // (tf 1, length 10) and (tf 5, length 90): neither dominates, both corners are kept.
        try roundTrip([3, 9], [1, 5], [10, 90])
        let apart = PostingsChunkEncoder.encode(docs: [3, 9], tfs: [1, 5], lengths: [10, 90])
        // kind, first doc, span, tf1, length1, tf2 - tf1, length2 - length1, tf, gap, tf
        #expect(apart == [PostingsChunkFormat.shortKind(docCount: 2), 3, 6, 1, 10, 4, 80, 1, 6, 5])
        // (tf 5, length 10) dominates (tf 1, length 90): one corner, no second length.
        try roundTrip([3, 9], [5, 1], [10, 90])
        let dominated = PostingsChunkEncoder.encode(docs: [3, 9], tfs: [5, 1], lengths: [10, 90])
        #expect(dominated == [PostingsChunkFormat.shortKind(docCount: 2), 3, 6, 5, 10, 0, 5, 6, 1])
        try dominated.withUnsafeBytes { raw in
            let impacts = try #require(PostingsChunk(raw)).impacts(ofBlock: 0)
            #expect(impacts == Impacts(tf1: 5, length1: 10, tf2: 5, length2: 10))
        }
        for count in 2...6 {
            let (docs, tfs, lengths) = randomList(count: count, maxGap: 300, seed: UInt64(40 + count))
            try roundTrip(docs, tfs, lengths)
        }
    }

    @Test func damagedShortChunksAreRefused() throws {
        for (docs, tfs, lengths) in [([UInt32(70_000)], [UInt32(3)], [UInt32(400)]), randomList(count: 40, maxGap: 900, seed: 9)] {
            let bytes = PostingsChunkEncoder.encode(docs: docs, tfs: tfs, lengths: lengths)
            for cut in 1..<bytes.count {
                let truncated = Array(bytes.prefix(cut))
                truncated.withUnsafeBytes { raw in
                    guard let chunk = PostingsChunk(raw) else { return }
                    #expect(throws: ByteReader.Malformed.self, "cut at \(cut)") { try chunk.validate { _ in nil } }
                }
            }
            // A stray byte after the postings.
            (bytes + [0]).withUnsafeBytes { raw in
                guard let chunk = PostingsChunk(raw) else { return }
                #expect(throws: ByteReader.Malformed.self) { try chunk.validate { _ in nil } }
            }
        }
    }

    @Test func roundTripsAnEmptyList() throws {
        let bytes = PostingsChunkEncoder.encode(docs: [], tfs: [], lengths: [])
        try bytes.withUnsafeBytes { raw in
            let chunk = try #require(PostingsChunk(raw))
            #expect(chunk.docCount == 0 && chunk.blockCount == 0)
            try chunk.validate { _ in nil }
        }
    }

    @Test func roundTripsHugeGapsAndTheMaximumDocId() throws {
        let docs: [UInt32] = [0, 1, 1 << 31, UInt32.max - 1, UInt32.max]
        try roundTrip(docs, [1, 2, 3, 4, UInt32.max], [1, 1, 1, 1, 1])
        // A full block whose deltas need all 32 bits.
        let wide = (0..<128).map { UInt32($0) } + (0..<128).map { UInt32.max - 127 + UInt32($0) }
        try roundTrip(wide, wide.map { _ in 1 }, wide.map { _ in 10 })
    }

    @Test func roundTripsRandomLists() throws {
        for seed in 0..<40 {
            var rng = SeededGenerator(seed: 1000 + UInt64(seed))
            let count = Int.random(in: 1...3000, using: &rng)
            let maxGap = [UInt32(1), 3, 100, 100_000][seed % 4]
            let (docs, tfs, lengths) = randomList(count: count, maxGap: maxGap, seed: UInt64(seed))
            try roundTrip(docs, tfs, lengths)
        }
    }

    @Test func blockSearchFindsTheFirstBlockReachingTarget() throws {
        let docs = (0..<300).map { UInt32($0 * 10) }
        let bytes = PostingsChunkEncoder.encode(docs: docs, tfs: docs.map { _ in 1 }, lengths: docs.map { _ in 1 })
        try bytes.withUnsafeBytes { raw in
            let chunk = try #require(PostingsChunk(raw))
            #expect(chunk.block(reaching: 0, from: 0) == 0)
            #expect(chunk.block(reaching: 1270, from: 0) == 0)
            #expect(chunk.block(reaching: 1271, from: 0) == 1)
            #expect(chunk.block(reaching: 2990, from: 1) == 2)
            #expect(chunk.block(reaching: 2991, from: 0) == 3)
        }
    }

    @Test func validationReportsDamage() throws {
        let (docs, tfs, lengths) = randomList(count: 300, maxGap: 20, seed: 7)
        var bytes = PostingsChunkEncoder.encode(docs: docs, tfs: tfs, lengths: lengths)
        bytes.storeLE(docs[5], at: PostingsChunkFormat.headerSize)  // block 0's last doc is now wrong
        #expect(bytes[0] == PostingsChunkFormat.blocked)
        bytes.withUnsafeBytes { raw in
            let chunk = PostingsChunk(raw)!
            #expect(throws: ByteReader.Malformed.self) { try chunk.validate { _ in nil } }
        }
        let truncated = Array(PostingsChunkEncoder.encode(docs: docs, tfs: tfs, lengths: lengths).dropLast(3))
        truncated.withUnsafeBytes { raw in
            let chunk = PostingsChunk(raw)!
            #expect(throws: ByteReader.Malformed.self) { try chunk.validate { _ in nil } }
        }
    }

    /// Appending to a buffer that already holds other chunks gives the chunk's own bytes after
    /// them: its block offsets count from the chunk's start, not the buffer's.
    @Test func anAppendedChunkIsTheEncodedOneWhateverPrecedesIt() throws {
        var buffer: [UInt8] = [0xAB, 0xCD, 0xEF]
        for (count, seed) in [(1, 1), (5, 2), (127, 3), (128, 4), (300, 5), (1000, 6)] {
            let (docs, tfs, lengths) = randomList(count: count, maxGap: 500, seed: UInt64(seed))
            let alone = PostingsChunkEncoder.encode(docs: docs, tfs: tfs, lengths: lengths)
            let start = buffer.count
            docs.withUnsafeBufferPointer { d in
                tfs.withUnsafeBufferPointer { t in
                    lengths.withUnsafeBufferPointer { PostingsChunkEncoder.append(docs: d, tfs: t, lengths: $0, to: &buffer) }
                }
            }
            #expect(Array(buffer[start...]) == alone, "\(count) postings")
            try Array(buffer[start...]).withUnsafeBytes { raw in
                let chunk = try #require(PostingsChunk(raw))
                try chunk.validate { _ in nil }
            }
        }
    }
}
