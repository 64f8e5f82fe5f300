/// One-byte field lengths ("norms"): a monotone, lossy code of a field's token count, so that a
/// norms page of 4096 documents takes 4 KiB and scoring reads one byte per document.
///
/// The code of a length `n`:
/// - `n < 24`: the code is `n` itself (24 codes, exact);
/// - otherwise the code is `24 + c(n − 24)`, where `c(v)` is a tiny float with 4 significant
///   bits: `v < 8` is itself; above, with `e = bitWidth(v) − 4`, the code is `(e + 1) · 8` plus
///   the 3 bits below the leading one of `v >> e`. So lengths 0…39 are exact, then each doubling
///   of the length is split in 8 equal steps (step 2 from 40, 4 from 56, 8 from 88, …): a decoded
///   length is at most 12.5 % below the true one;
/// - lengths from ``decode(_:)`` of 255 (2,013,265,944) up saturate at code 255.
///
/// ``decode(_:)`` gives the smallest length of a code, so `decode(encode(n)) ≤ n`, with equality
/// for every `n < 40` and for every decoded value. Both are monotone (`a ≤ b` implies
/// `encode(a) ≤ encode(b)`), which is all BM25's block-max bounds need: a posting whose length is
/// at least a block impact's length has a code at least that impact's code. This is the scheme
/// Lucene has used for its norms since 7.0 (`SmallFloat.intToByte4`); its trade-off (exact for
/// short fields such as titles, 4 significant bits for long ones) is the published, evaluated one.
public enum FieldNorm {
    /// Lengths below this are their own code.
    public static let exactCodes: UInt32 = 24

    /// The code of a field of `length` tokens.
    @inlinable @inline(__always)
    public static func encode(_ length: UInt32) -> UInt8 {
        if length < exactCodes { return UInt8(truncatingIfNeeded: length) }
        let v = length - exactCodes
        let small: UInt32
        if v < 8 {
            small = v
        } else {
            let shift = UInt32(UInt32.bitWidth - v.leadingZeroBitCount) - 4
            small = (shift + 1) << 3 | (v >> shift) & 7
        }
        return UInt8(truncatingIfNeeded: min(exactCodes + small, 255))
    }

    /// The smallest length whose code is `code`.
    @inlinable @inline(__always)
    public static func decode(_ code: UInt8) -> UInt32 {
        let c = UInt32(code)
        if c < exactCodes { return c }
        let small = c - exactCodes
        if small < 8 { return exactCodes + small }
        let shift = (small >> 3) - 1
        return exactCodes + ((small & 7) | 8) << shift
    }
}
