/// The search inside a decoded block of increasing doc ids that an intersection's advance does:
/// the first index whose doc id reaches a target.
///
/// Blocks are searched through a buffer padded with ``padding`` sentinels (``sentinel``, above
/// every doc id) after the block's last value, so that eight doc ids can always be compared at
/// once without a bounds check.
public enum BlockSearch {
    /// Sentinel values a searched buffer keeps after its last doc id.
    @inlinable public static var padding: Int { 8 }
    /// The sentinel value: no doc id reaches it.
    @inlinable public static var sentinel: UInt32 { .max }

    /// The first index `i` in `start..<end` with `docs[i] >= target`, given that `docs[end - 1]`
    /// is, and that `docs[end ..< end + padding]` are readable and at least `target` (see
    /// ``padding``).
    ///
    /// In a dense intersection the target is usually among the next few postings: eight doc ids are
    /// compared with the target at once, and the number below it is the answer's offset, with no
    /// branch per posting. Past them a binary search of the rest of the block halves the range with
    /// a conditional move, not a branch: a block holds at most 128 doc ids, so it takes at most
    /// seven steps, where a galloping search's branches are mispredicted about every other step
    /// when a rare conjunction's targets land far apart in a dense block. (The move survives only
    /// where LLVM's x86 cmov-to-branch pass is off: it is for `LoupeEngine`, which inlines this;
    /// see `queryPath` in Package.swift.)
    @inlinable @inline(__always)
    public static func firstIndex(in docs: UnsafePointer<UInt32>, from start: Int, below end: Int, reaching target: UInt32) -> Int {
        let below = countBelow(docs + start, target)
        if below < padding { return start + below }
        // docs[start + padding - 1] < target <= docs[end - 1]: the answer is in base...base + count.
        var base = start &+ padding
        var count = end &- 1 &- base
        while count > 0 {
            let half = (count &+ 1) &>> 1
            base = docs[base &+ half &- 1] < target ? base &+ half : base
            count &-= half
        }
        return base
    }

    /// How many of the eight values from `values` are below `target`, with no branch: each term
    /// is the borrow of a 64-bit subtraction, exact for any two 32-bit values. (The standard
    /// library's `SIMD8` comparison operators compile to a loop over the lanes, and a sum of
    /// `value < target ? 1 : 0` to a loop with a branch per value.)
    @inlinable @inline(__always)
    static func countBelow(_ values: UnsafePointer<UInt32>, _ target: UInt32) -> Int {
        let t = UInt64(target)
        @inline(__always) func below(_ k: Int) -> UInt64 { (UInt64(values[k]) &- t) &>> 63 }
        return Int(truncatingIfNeeded: below(0) &+ below(1) &+ below(2) &+ below(3) &+ below(4) &+ below(5) &+ below(6) &+ below(7))
    }
}
