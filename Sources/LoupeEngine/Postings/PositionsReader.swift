import LoupeCodec
import LoupeIndex

/// Reads the positions of the document a ``TermPostings`` stands on, loading each chunk's
/// positions only when a phrase candidate first needs them.
///
/// Candidates arrive in doc order, so within a block the reader keeps its place: it skips only
/// the positions of the documents between the previous candidate and this one, which keeps a
/// dense phrase linear in the block's positions.
final class PositionsReader {
    private let reader: IndexReader
    private let postings: TermPostings
    private var loaded: [PositionsChunk?]
    private var tried: [Bool]
    private var chunk = -1
    private var block = -1
    private var nextIndex = 0
    private var cursor: UnsafePointer<UInt8>?

    init(reader: IndexReader, postings: TermPostings) {
        self.reader = reader
        self.postings = postings
        loaded = [PositionsChunk?](repeating: nil, count: postings.chunkViews.count)
        tried = [Bool](repeating: false, count: postings.chunkViews.count)
    }

    /// Positions of the current document, written to `out` (room for its tf values); false when
    /// the positions are missing (a damaged index).
    func positions(into out: UnsafeMutablePointer<UInt32>) -> Bool {
        let (c, b, index) = postings.blockPosition
        if c != chunk || b != block || index < nextIndex || cursor == nil {
            if !tried[c] {
                tried[c] = true
                loaded[c] = try? reader.positionsChunk(postings.info, lastDoc: postings.chunkViews[c].lastDoc)
            }
            guard let positions = loaded[c], b < positions.blockCount else { return false }
            chunk = c
            block = b
            nextIndex = 0
            cursor = positions.start(ofBlock: b)
        }
        guard var p = cursor else { return false }
        var skip = 0
        for i in nextIndex..<index { skip += Int(postings.tf(at: i)) }
        VarInt.skip(skip, &p)
        var position: UInt32 = 0
        for i in 0..<Int(postings.tf(at: index)) {
            position &+= VarInt.decode(&p)
            out[i] = position
        }
        cursor = p
        nextIndex = index + 1
        return true
    }
}
