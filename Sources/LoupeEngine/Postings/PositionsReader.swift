import LoupeCodec
import LoupeIndex

/// Reads the positions of the document a ``TermPostings`` stands on, loading each chunk's
/// positions only when a phrase candidate first needs them.
///
/// Candidates arrive in doc order, so within a block the reader keeps a running sum of the term
/// frequencies before the current document (its first value's index in the block) and a
/// ``PositionsDecoder`` that keeps its place: a candidate reads only its own group of packed
/// positions, never the positions of the documents before it.
final class PositionsReader {
    private let reader: IndexReader
    private let postings: TermPostings
    private var loaded: [PositionsChunk?]
    private var tried: [Bool]
    private var chunk = -1
    private var block = -1
    /// The next document index of the block whose first value index is ``nextValue``.
    private var nextIndex = 0
    private var nextValue = 0
    private var decoder = PositionsDecoder()

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
        if c != chunk || b != block || index < nextIndex {
            if !tried[c] {
                tried[c] = true
                loaded[c] = try? reader.positionsChunk(postings.info, lastDoc: postings.chunkViews[c].lastDoc)
            }
            guard let positions = loaded[c], b < positions.blockCount else { return false }
            if c != chunk || b != block { decoder.load(positions, block: b) }
            chunk = c
            block = b
            nextIndex = 0
            nextValue = 0
        }
        let first = nextValue + postings.tfSum(nextIndex..<index)
        let tf = Int(postings.tf(at: index))
        decoder.positions(from: first, count: tf, into: out)
        nextIndex = index + 1
        nextValue = first + tf
        return true
    }
}
