/// The byte layout of a postings chunk: one term's postings for a run of increasing doc ids.
///
/// ```
/// header  (16 bytes)  u32 docCount, u32 blockCount, u32 firstDoc, u32 reserved (0)
/// skips   (24 bytes × blockCount)
///         u32 lastDoc     last doc id in the block
///         u32 endOffset   where the block's data ends, from the chunk start
///         2 × (u32 tf, u32 length)   impacts: every document's (tf, length) is dominated by one
///                         of them (tf ≤ impact tf and length ≥ impact length)
/// blocks  full block (128 docs): u8 docBits, u8 tfBits, docBits×16 bytes of doc deltas,
///                                tfBits×16 bytes of (tf - 1), both in ``BitPacking``'s layout
///         tail block (< 128 docs, last only): varint doc delta, varint tf, per document
/// ```
/// All integers are little-endian. The first delta of block 0 is relative to `firstDoc` (so it is
/// 0); every other block starts from the previous block's `lastDoc`. BM25 grows with tf and shrinks
/// with length, so the larger of the two impacts' scores bounds every score in the block whatever
/// k1, b and the average length are: that is what block-max pruning reads. The impacts are the
/// block's (tf, length) Pareto frontier folded into two corners (see ``Impacts``).
public enum PostingsChunkFormat {
    public static let headerSize = 16
    public static let skipEntrySize = 24
}
