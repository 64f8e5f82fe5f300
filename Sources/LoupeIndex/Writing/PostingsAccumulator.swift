import LoupeCodec

/// Per-term postings of the documents added since the last commit, in memory.
///
/// Each slot's postings are one growing byte buffer: for every document, varint doc-id gap, varint
/// term frequency, then the positions as varint gaps. One buffer per term keeps the overhead of
/// the (mostly rare) terms small.
struct PostingsAccumulator {
    private(set) var buffers: [[UInt8]] = []
    private(set) var lastDocs: [UInt32] = []
    private(set) var docCounts: [UInt32] = []
    private(set) var memoryBytes = 0

    /// Records that `doc` holds the term of `slot` at `positions` (increasing).
    @inline(__always)
    mutating func add(slot: Int, doc: UInt32, positions: UnsafeBufferPointer<UInt32>) {
        if slot == buffers.count {
            buffers.append([])
            lastDocs.append(0)
            docCounts.append(0)
            memoryBytes += 48
        }
        let before = buffers[slot].capacity
        let gap = docCounts[slot] == 0 ? doc : doc &- lastDocs[slot]
        VarInt.append(gap, to: &buffers[slot])
        VarInt.append(UInt32(positions.count), to: &buffers[slot])
        var previous: UInt32 = 0
        for p in positions {
            VarInt.append(p &- previous, to: &buffers[slot])
            previous = p
        }
        memoryBytes += buffers[slot].capacity - before
        lastDocs[slot] = doc
        docCounts[slot] += 1
    }

    /// Decodes `slot`'s postings into the arrays the chunk encoders take.
    func decode(slot: Int, docs: inout [UInt32], tfs: inout [UInt32], positionBytes: inout [UInt8], positionEnds: inout [UInt32]) {
        docs.removeAll(keepingCapacity: true)
        tfs.removeAll(keepingCapacity: true)
        positionBytes.removeAll(keepingCapacity: true)
        positionEnds.removeAll(keepingCapacity: true)
        buffers[slot].withUnsafeBufferPointer { buffer in
            guard var p = buffer.baseAddress else { return }
            let end = p + buffer.count
            var doc: UInt32 = 0
            while p < end {
                doc &+= VarInt.decode(&p)
                docs.append(doc)
                let tf = VarInt.decode(&p)
                tfs.append(tf)
                let start = p
                VarInt.skip(Int(tf), &p)
                positionBytes.append(contentsOf: UnsafeBufferPointer(start: start, count: p - start))
                positionEnds.append(UInt32(positionBytes.count))
            }
        }
    }
}
