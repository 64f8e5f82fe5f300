import LoupeCodec
import LoupeIndex

/// Reads the positions of the document a ``TermPostings`` stands on, loading each chunk's
/// positions only when a phrase candidate first needs them.
final class PositionsReader {
    private let reader: IndexReader
    private let postings: TermPostings
    private var loaded: [PositionsChunk?]
    private var tried: [Bool]

    init(reader: IndexReader, postings: TermPostings) {
        self.reader = reader
        self.postings = postings
        loaded = [PositionsChunk?](repeating: nil, count: postings.chunkViews.count)
        tried = [Bool](repeating: false, count: postings.chunkViews.count)
    }

    /// Positions of the current document, written to `out` (room for `tf` values); false when the
    /// positions are missing (a damaged index).
    func positions(into out: UnsafeMutablePointer<UInt32>) -> Bool {
        let (chunk, block, preceding) = postings.positionCoordinates
        if !tried[chunk] {
            tried[chunk] = true
            loaded[chunk] = try? reader.positionsChunk(postings.info, lastDoc: postings.chunkViews[chunk].lastDoc)
        }
        guard let positions = loaded[chunk] else { return false }
        positions.positions(block: block, skipping: preceding, tf: Int(postings.tf), into: out)
        return true
    }
}
