/// Packs and unpacks blocks of 128 unsigned integers with a fixed bit width, in a vertical
/// four-lane layout that decodes with SIMD4 shifts and masks.
///
/// Layout: value `i` belongs to lane `i % 4`, row `i / 4` (32 rows). Each lane's 32 values are
/// packed low bits first into `bits` 32-bit words; word `w` of all four lanes is stored together
/// as one 16-byte group. A block with width `b` therefore takes exactly `16 * b` bytes, and width 0
/// (all values zero) takes none.
public enum BitPacking {
    /// Values per block.
    public static let blockSize = 128

    /// Bytes a packed block of the given width occupies.
    @inline(__always)
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

    /// Unpacks 128 values of width `bits` from `input` into `out`.
    @inline(__always)
    public static func unpack(_ input: UnsafeRawPointer, bits: Int, into out: UnsafeMutablePointer<UInt32>) {
        guard bits > 0 else {
            out.update(repeating: 0, count: blockSize)
            return
        }
        let width = UInt32(truncatingIfNeeded: bits)
        let mask: SIMD4<UInt32> = bits == 32 ? SIMD4(repeating: .max) : SIMD4(repeating: (1 &<< width) &- 1)
        var word = input.loadUnaligned(as: SIMD4<UInt32>.self)
        var offset = 16
        var used: UInt32 = 0
        for row in 0..<32 {
            var v = word &>> used
            used &+= width
            if used >= 32 {
                used &-= 32
                if offset < 16 * bits {
                    word = input.loadUnaligned(fromByteOffset: offset, as: SIMD4<UInt32>.self)
                    offset += 16
                    if used > 0 { v |= word &<< (width &- used) }
                }
            }
            v &= mask
            out[row * 4] = v[0]
            out[row * 4 + 1] = v[1]
            out[row * 4 + 2] = v[2]
            out[row * 4 + 3] = v[3]
        }
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
