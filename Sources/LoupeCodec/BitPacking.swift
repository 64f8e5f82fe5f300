/// Packs and unpacks blocks of 128 unsigned integers with a fixed bit width, in a vertical
/// four-lane layout that decodes with SIMD4 shifts and masks.
///
/// Layout: value `i` belongs to lane `i % 4`, row `i / 4` (32 rows). Each lane's 32 values are
/// packed low bits first into `bits` 32-bit words; word `w` of all four lanes is stored together
/// as one 16-byte group. A block with width `b` therefore takes exactly `16 * b` bytes, and width 0
/// (all values zero) takes none.
public enum BitPacking {
    /// Values per block.
    @inlinable public static var blockSize: Int { 128 }

    /// Bytes a packed block of the given width occupies.
    @inlinable @inline(__always)
    public static func packedSize(bits: Int) -> Int { 16 * bits }

    /// The number of bits needed for the largest of `values`.
    @inline(__always)
    public static func bitWidth(_ values: UnsafePointer<UInt32>) -> Int {
        var acc: UInt32 = 0
        for i in 0..<blockSize { acc |= values[i] }
        return acc == 0 ? 0 : 32 - acc.leadingZeroBitCount
    }

    /// Packs 128 values of at most `bits` bits into `out` (which must have `packedSize(bits:)` bytes).
    public static func pack(_ values: UnsafePointer<UInt32>, bits: Int, into out: UnsafeMutableRawPointer) {
        guard bits > 0 else { return }
        let mask: SIMD4<UInt32> = bits == 32 ? SIMD4(repeating: .max) : SIMD4(repeating: (1 &<< UInt32(bits)) &- 1)
        var word = SIMD4<UInt32>(repeating: 0)
        var used: UInt32 = 0
        var offset = 0
        let width = UInt32(bits)
        for row in 0..<32 {
            let v = SIMD4<UInt32>(values[row * 4], values[row * 4 + 1], values[row * 4 + 2], values[row * 4 + 3]) & mask
            word |= v &<< used
            used &+= width
            if used >= 32 {
                out.storeBytes(of: word, toByteOffset: offset, as: SIMD4<UInt32>.self)
                offset += 16
                used &-= 32
                word = used == 0 ? SIMD4(repeating: 0) : v &>> (width &- used)
            }
        }
    }

    /// Value `index` (0..<128) of a block packed at width `bits` (0...32), read on its own: lane
    /// `index % 4` holds it at bit `(index / 4) * bits` of its words, which are 16 bytes apart.
    /// For a few values of a block this is cheaper than unpacking all 128.
    @inlinable @inline(__always)
    public static func value(at index: Int, in input: UnsafeRawPointer, bits: Int) -> UInt32 {
        guard bits > 0 else { return 0 }
        let offset = (index &>> 2) &* bits
        let word = offset &>> 5, shift = UInt64(offset & 31)
        let lane = (index & 3) &* 4
        var value = UInt64(input.loadUnaligned(fromByteOffset: word &* 16 &+ lane, as: UInt32.self)) &>> shift
        if shift &+ UInt64(bits) > 32 {
            value |= UInt64(input.loadUnaligned(fromByteOffset: (word &+ 1) &* 16 &+ lane, as: UInt32.self)) &<< (32 &- shift)
        }
        return UInt32(truncatingIfNeeded: value & ((1 &<< UInt64(bits)) &- 1))
    }

    /// Unpacks 128 values of width `bits` from `input` into `out`.
    ///
    /// Each width 1…32 has a routine of its own (``unpack(_:bits:into:finishing:)``), in which every
    /// row's word and shift are constants: no loop-carried bit cursor, no branch per row.
    public static func unpack(_ input: UnsafeRawPointer, bits: Int, into out: UnsafeMutablePointer<UInt32>) {
        var finish = Unchanged()
        unpack(input, bits: bits, into: out, finishing: &finish)
    }

    /// Unpacks 128 values of width `bits` from `input` into `out`, each plus `offset` (wrapping):
    /// what a block of term frequencies stored as `tf - 1` needs, in the same pass.
    public static func unpack(_ input: UnsafeRawPointer, bits: Int, adding offset: UInt32, into out: UnsafeMutablePointer<UInt32>) {
        var finish = Adding(offset: SIMD4(repeating: offset))
        unpack(input, bits: bits, into: out, finishing: &finish)
    }

    /// Unpacks 128 gaps of width `bits` from `input` and writes their running sums from `base`
    /// (wrapping) into `out`: `out[i] = base + gap[0] + … + gap[i]`, the doc ids of a block whose
    /// previous doc id is `base`. The sums are taken four lanes at a time as each row is unpacked.
    public static func unpackPrefixSums(_ input: UnsafeRawPointer, bits: Int, base: UInt32, into out: UnsafeMutablePointer<UInt32>) {
        var finish = PrefixSums(carry: SIMD4(repeating: base))
        unpack(input, bits: bits, into: out, finishing: &finish)
    }

    /// What is done to each unpacked row (four values, in order) before it is stored.
    protocol RowFinish {
        mutating func finish(_ row: SIMD4<UInt32>) -> SIMD4<UInt32>
    }

    /// Stores the values as they are.
    struct Unchanged: RowFinish {
        @inline(__always) func finish(_ row: SIMD4<UInt32>) -> SIMD4<UInt32> { row }
    }

    /// Adds a constant to every value.
    struct Adding: RowFinish {
        let offset: SIMD4<UInt32>
        @inline(__always) func finish(_ row: SIMD4<UInt32>) -> SIMD4<UInt32> { row &+ offset }
    }

    /// Replaces the values by their running sums, from the sum `carry` holds in every lane.
    struct PrefixSums: RowFinish {
        var carry: SIMD4<UInt32>
        @inline(__always)
        mutating func finish(_ row: SIMD4<UInt32>) -> SIMD4<UInt32> {
            // Row r holds values 4r ..< 4r + 4 in lane order: an in-register prefix sum, its first
            // step a shift of the two 64-bit halves by one lane, its second lane 1's sum added to
            // lanes 2 and 3.
            var sums = row &+ unsafeBitCast(unsafeBitCast(row, to: SIMD2<UInt64>.self) &<< 32, to: SIMD4<UInt32>.self)
            sums &+= SIMD4(repeating: sums[1]) & SIMD4(0, 0, .max, .max)
            sums &+= carry
            carry = SIMD4(repeating: sums[3])
            return sums
        }
    }

    /// Unpacks a block of width `bits` through `finish`, calling ``unpackRows(_:_:_:_:)`` with the
    /// width a type (``Width``) for each width 1…32, so that the routine is compiled once per width
    /// with the width a constant (Lucene's ForUtil and Tantivy's bitpacker generate such
    /// routines); any other width (0, or out of range) passes through unchanged.
    @inline(__always)
    static func unpack<Finish: RowFinish>(_ input: UnsafeRawPointer, bits: Int, into out: UnsafeMutablePointer<UInt32>, finishing finish: inout Finish) {
        switch bits {
        case 1: unpackRows(input, Width<1>(), out, &finish)
        case 2: unpackRows(input, Width<2>(), out, &finish)
        case 3: unpackRows(input, Width<3>(), out, &finish)
        case 4: unpackRows(input, Width<4>(), out, &finish)
        case 5: unpackRows(input, Width<5>(), out, &finish)
        case 6: unpackRows(input, Width<6>(), out, &finish)
        case 7: unpackRows(input, Width<7>(), out, &finish)
        case 8: unpackRows(input, Width<8>(), out, &finish)
        case 9: unpackRows(input, Width<9>(), out, &finish)
        case 10: unpackRows(input, Width<10>(), out, &finish)
        case 11: unpackRows(input, Width<11>(), out, &finish)
        case 12: unpackRows(input, Width<12>(), out, &finish)
        case 13: unpackRows(input, Width<13>(), out, &finish)
        case 14: unpackRows(input, Width<14>(), out, &finish)
        case 15: unpackRows(input, Width<15>(), out, &finish)
        case 16: unpackRows(input, Width<16>(), out, &finish)
        case 17: unpackRows(input, Width<17>(), out, &finish)
        case 18: unpackRows(input, Width<18>(), out, &finish)
        case 19: unpackRows(input, Width<19>(), out, &finish)
        case 20: unpackRows(input, Width<20>(), out, &finish)
        case 21: unpackRows(input, Width<21>(), out, &finish)
        case 22: unpackRows(input, Width<22>(), out, &finish)
        case 23: unpackRows(input, Width<23>(), out, &finish)
        case 24: unpackRows(input, Width<24>(), out, &finish)
        case 25: unpackRows(input, Width<25>(), out, &finish)
        case 26: unpackRows(input, Width<26>(), out, &finish)
        case 27: unpackRows(input, Width<27>(), out, &finish)
        case 28: unpackRows(input, Width<28>(), out, &finish)
        case 29: unpackRows(input, Width<29>(), out, &finish)
        case 30: unpackRows(input, Width<30>(), out, &finish)
        case 31: unpackRows(input, Width<31>(), out, &finish)
        case 32: unpackRows(input, Width<32>(), out, &finish)
        default: unpackRows(input, bits, out, &finish)
        }
    }

    /// A bit width as a type: ``unpackRows(_:_:_:_:)`` is specialized for each, with the width a
    /// constant in it.
    struct Width<let bits: Int> {}

    /// ``unpackRows(_:_:_:_:)`` at width `bits`, compiled for that width alone.
    @inline(__always)
    static func unpackRows<let bits: Int, Finish: RowFinish>(
        _ input: UnsafeRawPointer, _ width: Width<bits>, _ out: UnsafeMutablePointer<UInt32>, _ finish: inout Finish
    ) {
        unpackRows(input, bits, out, &finish)
    }

    /// Unpacks the 32 rows of a block of width `bits` into `out`, passing each row's four values
    /// through `finish` on the way (in row order). Row `r` of each lane starts at bit `r · bits`
    /// of the lane's words: one SIMD4 load and shift, and a second load where it straddles two
    /// words. A width of 0 gives zeros.
    @inline(__always)
    static func unpackRows<Finish: RowFinish>(_ input: UnsafeRawPointer, _ bits: Int, _ out: UnsafeMutablePointer<UInt32>, _ finish: inout Finish) {
        let target = UnsafeMutableRawPointer(out)
        guard bits > 0 else {
            for row in 0..<32 { target.storeBytes(of: finish.finish(SIMD4(repeating: 0)), toByteOffset: 16 &* row, as: SIMD4<UInt32>.self) }
            return
        }
        let mask: SIMD4<UInt32> = bits >= 32 ? SIMD4(repeating: .max) : SIMD4(repeating: (1 &<< UInt32(truncatingIfNeeded: bits)) &- 1)
        // Written out rather than looped: with the width a constant, each row's word, shift and
        // straddle test fold to constants (a loop of 32 is too long for the optimizer to unroll).
        unpackFourRows(input, bits, 0, mask, target, &finish)
        unpackFourRows(input, bits, 4, mask, target, &finish)
        unpackFourRows(input, bits, 8, mask, target, &finish)
        unpackFourRows(input, bits, 12, mask, target, &finish)
        unpackFourRows(input, bits, 16, mask, target, &finish)
        unpackFourRows(input, bits, 20, mask, target, &finish)
        unpackFourRows(input, bits, 24, mask, target, &finish)
        unpackFourRows(input, bits, 28, mask, target, &finish)
    }

    /// ``unpackRow(_:_:_:_:_:_:)`` of rows `first ..< first + 4`.
    @inline(__always)
    static func unpackFourRows<Finish: RowFinish>(
        _ input: UnsafeRawPointer, _ bits: Int, _ first: Int, _ mask: SIMD4<UInt32>, _ target: UnsafeMutableRawPointer, _ finish: inout Finish
    ) {
        unpackRow(input, bits, first, mask, target, &finish)
        unpackRow(input, bits, first &+ 1, mask, target, &finish)
        unpackRow(input, bits, first &+ 2, mask, target, &finish)
        unpackRow(input, bits, first &+ 3, mask, target, &finish)
    }

    /// Unpacks row `row` (values `4·row ..< 4·row + 4`) of a block of width `bits` (1…32) and
    /// stores it, through `finish`, at row `row` of `target`.
    @inline(__always)
    static func unpackRow<Finish: RowFinish>(
        _ input: UnsafeRawPointer, _ bits: Int, _ row: Int, _ mask: SIMD4<UInt32>, _ target: UnsafeMutableRawPointer, _ finish: inout Finish
    ) {
        let bit = row &* bits
        let word = bit &>> 5
        let shift = UInt32(truncatingIfNeeded: bit & 31)
        var v = input.loadUnaligned(fromByteOffset: 16 &* word, as: SIMD4<UInt32>.self) &>> shift
        if shift &+ UInt32(truncatingIfNeeded: bits) > 32 {
            v |= input.loadUnaligned(fromByteOffset: 16 &* (word &+ 1), as: SIMD4<UInt32>.self) &<< (32 &- shift)
        }
        target.storeBytes(of: finish.finish(v & mask), toByteOffset: 16 &* row, as: SIMD4<UInt32>.self)
    }

    /// Unpacks rows `rows` of a block of width `bits` (row `r` holds values `4r ..< 4r + 4`) into
    /// `out`, four values per row from `out[0]`, without touching the other rows: row `r` of each
    /// lane starts at bit `r · bits` of the lane's words, so it is one or two SIMD4 loads.
    @inline(__always)
    public static func unpack(_ input: UnsafeRawPointer, bits: Int, rows: Range<Int>, into out: UnsafeMutablePointer<UInt32>) {
        guard bits > 0 else {
            out.update(repeating: 0, count: 4 * rows.count)
            return
        }
        let width = UInt32(truncatingIfNeeded: bits)
        let mask: SIMD4<UInt32> = bits == 32 ? SIMD4(repeating: .max) : SIMD4(repeating: (1 &<< width) &- 1)
        var target = UnsafeMutableRawPointer(out)
        for row in rows {
            let bit = row &* bits
            let word = bit &>> 5
            let shift = UInt32(truncatingIfNeeded: bit & 31)
            var v = input.loadUnaligned(fromByteOffset: 16 &* word, as: SIMD4<UInt32>.self) &>> shift
            if shift &+ width > 32 {
                v |= input.loadUnaligned(fromByteOffset: 16 &* (word &+ 1), as: SIMD4<UInt32>.self) &<< (32 &- shift)
            }
            target.storeBytes(of: v & mask, as: SIMD4<UInt32>.self)
            target += 16
        }
    }
}
