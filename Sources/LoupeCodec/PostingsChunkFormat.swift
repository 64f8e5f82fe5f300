/// The byte layout of a postings chunk: one term's postings for a run of increasing doc ids.
///
/// A chunk starts with a kind byte.
///
/// **Blocked** (kind 0), for 128 postings or more:
/// ```
/// header  u8 kind, u32 docCount, u32 blockCount, u32 firstDoc
/// skips   (24 bytes × blockCount)
///         u32 lastDoc     last doc id in the block
///         u32 endOffset   where the block's data ends, from the chunk start
///         2 × (u32 tf, u32 length)   impacts: every document's (tf, length) is dominated by one
///                         of them (tf ≤ impact tf and length ≥ impact length)
/// blocks  full block (128 docs): u8 docBits, u8 tfBits, docBits×16 bytes of doc deltas,
///                                tfBits×16 bytes of (tf - 1), both in ``BitPacking``'s layout
///         tail block (< 128 docs, last only): varint doc delta, varint tf, per document
/// ```
/// **Short** (kind 1), for fewer than 128 postings (most terms): one tail block and a varint
/// header, so a rare term costs a few bytes instead of a 40-byte header:
/// ```
/// u8 kind, varint docCount, varint firstDoc, varint lastDoc - firstDoc,
/// varint tf1, length1, tf2, length2 (the impacts), then the tail block
/// ```
/// All fixed integers are little-endian. The first delta of block 0 is relative to `firstDoc`
/// (so it is 0); every other block starts from the previous block's `lastDoc`. BM25 grows with
/// tf and shrinks with length, so the larger of the two impacts' scores bounds every score in
/// the block whatever k1, b and the average length are: that is what block-max pruning reads.
/// The impacts are the block's (tf, length) Pareto frontier folded into two corners (see
/// ``Impacts``).
public enum PostingsChunkFormat {
    public static let blocked: UInt8 = 0
    public static let short: UInt8 = 1
    public static let headerSize = 13
    public static let skipEntrySize = 24
}
