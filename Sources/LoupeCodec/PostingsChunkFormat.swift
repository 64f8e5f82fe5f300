/// The byte layout of a postings chunk: one term's postings for a run of increasing doc ids.
///
/// ```
/// header  (16 bytes)  u32 docCount, u32 blockCount, u32 firstDoc, u32 reserved (0)
/// skips   (16 bytes × blockCount)
///         u32 lastDoc     last doc id in the block
///         u32 endOffset   where the block's data ends, from the chunk start
///         u32 maxTf       largest term frequency in the block
///         u32 minLength   shortest field length among the block's documents
/// blocks  full block (128 docs): u8 docBits, u8 tfBits, docBits×16 bytes of doc deltas,
///                                tfBits×16 bytes of (tf - 1), both in ``BitPacking``'s layout
///         tail block (< 128 docs, last only): varint doc delta, varint tf, per document
/// ```
/// All integers are little-endian. The first delta of block 0 is relative to `firstDoc` (so it is
/// 0); every other block starts from the previous block's `lastDoc`. `maxTf` and `minLength` bound
/// any BM25 score in the block from above, whatever k1 and b are, which is what block-max pruning
/// needs.
public enum PostingsChunkFormat {
    public static let headerSize = 16
    public static let skipEntrySize = 16
}
