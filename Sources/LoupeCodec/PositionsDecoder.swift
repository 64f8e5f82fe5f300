/// Reads documents' positions out of ``PositionsChunk`` blocks by value index, keeping its place
/// so that candidates met in doc order cost no more than the values they read.
///
/// A document's packed values are read row by row (``BitPacking/unpack(_:bits:rows:into:)``: four
/// values per SIMD4 load), so a candidate with tf 3 reads one or two rows of its group, not the
/// group. The decoder keeps the byte offset of the last group it located and a cursor in the
/// varint remainder; a request behind either starts that part over from the block's beginning.
/// Owns a 128-value scratch buffer (the rows read of one group).
public struct PositionsDecoder: ~Copyable {
    private let scratch: UnsafeMutablePointer<UInt32>
    private var layout: PositionsBlockLayout?
    /// Group ``located`` begins at ``groupOffset`` bytes after the first group.
    private var located = 0
    private var groupOffset = 0
    /// The remainder value at ``remainderCursor`` has block index ``remainderIndex``.
    private var remainderIndex = 0
    private var remainderCursor: UnsafePointer<UInt8>?

    public init() {
        scratch = .allocate(capacity: BitPacking.blockSize)
    }

    deinit { scratch.deallocate() }

    /// Moves to `block` of `chunk`, forgetting the previous block.
    @inline(__always)
    public mutating func load(_ chunk: PositionsChunk, block: Int) {
        let layout = chunk.layout(ofBlock: block)
        self.layout = layout
        located = 0
        groupOffset = 0
        remainderIndex = layout.groupCount * BitPacking.blockSize
        remainderCursor = layout.remainder
    }

    /// Writes the `count` positions that begin at value `first` of the loaded block (a document's
    /// positions: `first` is the sum of the term frequencies of the block's documents before it)
    /// into `out`, as absolute positions.
    @inline(__always)
    public mutating func positions(from first: Int, count: Int, into out: UnsafeMutablePointer<UInt32>) {
        guard let layout else { return }
        let packed = layout.groupCount * BitPacking.blockSize
        var index = first
        var written = 0
        var position: UInt32 = 0
        while written < count && index < packed {
            let group = index &>> 7
            let start = index & (BitPacking.blockSize - 1)
            let n = min(BitPacking.blockSize - start, count - written)
            // Only the rows (four values each) that hold the document's values.
            let firstRow = start &>> 2
            BitPacking.unpack(
                locate(group, layout), bits: Int(layout.widths[group]), rows: firstRow..<((start + n - 1) &>> 2) + 1, into: scratch)
            let values = scratch + (start & 3)
            for k in 0..<n {
                position &+= values[k]
                out[written + k] = position
            }
            written += n
            index += n
        }
        guard written < count else { return }
        if index < remainderIndex {
            remainderIndex = packed
            remainderCursor = layout.remainder
        }
        var p = remainderCursor!
        VarInt.skip(index - remainderIndex, &p)
        for k in written..<count {
            position &+= VarInt.decode(&p)
            out[k] = position
        }
        remainderIndex = index + count - written
        remainderCursor = p
    }

    /// Where `group`'s bytes begin.
    @inline(__always)
    private mutating func locate(_ group: Int, _ layout: PositionsBlockLayout) -> UnsafeRawPointer {
        if group < located {
            located = 0
            groupOffset = 0
        }
        while located < group {
            groupOffset += BitPacking.packedSize(bits: Int(layout.widths[located]))
            located += 1
        }
        return UnsafeRawPointer(layout.groups + groupOffset)
    }
}
