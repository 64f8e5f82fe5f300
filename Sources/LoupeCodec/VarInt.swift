/// LEB128 variable-length unsigned integers: 7 bits per byte, low bits first, high bit set on every
/// byte but the last. Used for block tails, positions and record fields.
public enum VarInt {
    /// Appends `value` to `bytes` (1 to 5 bytes).
    @inline(__always)
    public static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        append64(UInt64(value), to: &bytes)
    }

    /// Appends `value` to `bytes` (1 to 10 bytes).
    @inline(__always)
    public static func append64(_ value: UInt64, to bytes: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v &>>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: v))
    }

    /// Decodes one value at `p`, advancing `p` past it. The caller guarantees the bytes are there
    /// (the encoder wrote them); ``ByteReader`` is the bounds-checked way.
    @inlinable @inline(__always)
    public static func decode(_ p: inout UnsafePointer<UInt8>) -> UInt32 {
        var byte = p.pointee
        p += 1
        if byte < 0x80 { return UInt32(byte) }
        var value = UInt32(byte & 0x7F)
        var shift: UInt32 = 7
        repeat {
            byte = p.pointee
            p += 1
            value |= UInt32(byte & 0x7F) &<< shift
            shift &+= 7
        } while byte >= 0x80 && shift < 35
        return value
    }

    /// Skips `count` values starting at `p`. The caller guarantees that `count` values are there.
    ///
    /// Eight bytes at a time while at least eight values remain: a value ends at each byte whose
    /// high bit is clear, so those bytes are counted with one population count. The eight bytes
    /// lie within the next eight values (each takes at least one byte), so no byte past the last
    /// value is read.
    @inline(__always)
    public static func skip(_ count: Int, _ p: inout UnsafePointer<UInt8>) {
        var remaining = count
        while remaining >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
            remaining -= (~word & 0x8080_8080_8080_8080).nonzeroBitCount
            p += 8
        }
        while remaining > 0 {
            if p.pointee < 0x80 { remaining -= 1 }
            p += 1
        }
    }
}
