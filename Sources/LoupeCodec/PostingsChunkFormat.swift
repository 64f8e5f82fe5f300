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
/// **Short** (kinds 1 to 128: kind 1 + docCount), for fewer than 128 postings (most terms): one
/// tail block under a varint header, so a rare term costs a few bytes instead of a 40-byte header:
/// ```
/// docCount 1:  u8 kind (2), varint doc, varint tf, varint length
///              (the posting is its own impacts: nothing else is stored)
/// docCount ≠ 1: u8 kind, varint firstDoc, varint lastDoc - firstDoc,
///              varint tf1, varint length1, varint tf2 - tf1, and when that is not 0
///              varint length2 - length1 (a second corner is stored only when neither dominates
///              the other, so both differences are positive),
///              varint tf of firstDoc, then per later document varint doc delta, varint tf
/// ```
/// All fixed integers are little-endian. In a blocked chunk the first delta of block 0 is relative
/// to `firstDoc` (so it is 0); every other block starts from the previous block's `lastDoc`. BM25 grows with
/// tf and shrinks with length, so the larger of the two impacts' scores bounds every score in
/// the block whatever k1, b and the average length are: that is what block-max pruning reads.
/// The impacts are the block's (tf, length) Pareto frontier folded into two corners (see
/// ``Impacts``).
public enum PostingsChunkFormat {
    public static let blocked: UInt8 = 0
    /// The kind byte of an empty short chunk; a short chunk of n postings has kind `short + n`.
    public static let short: UInt8 = 1
    /// The kind byte of a short chunk of `docCount` (fewer than 128) postings.
    @inlinable public static func shortKind(docCount: Int) -> UInt8 { short + UInt8(docCount) }
    @inlinable public static var headerSize: Int { 13 }
    @inlinable public static var skipEntrySize: Int { 24 }
}
