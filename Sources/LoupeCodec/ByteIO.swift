/// Little-endian fixed-width writes onto a growing byte array.
extension Array where Element == UInt8 {
    /// Appends `value` as 4 little-endian bytes.
    @inline(__always)
    public mutating func appendLE(_ value: UInt32) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value &>> 8))
        append(UInt8(truncatingIfNeeded: value &>> 16))
        append(UInt8(truncatingIfNeeded: value &>> 24))
    }

    /// Appends `value` as 8 little-endian bytes.
    @inline(__always)
    public mutating func appendLE(_ value: UInt64) {
        appendLE(UInt32(truncatingIfNeeded: value))
        appendLE(UInt32(truncatingIfNeeded: value &>> 32))
    }

    /// Overwrites 4 bytes at `offset` with `value`, little-endian.
    @inline(__always)
    public mutating func storeLE(_ value: UInt32, at offset: Int) {
        self[offset] = UInt8(truncatingIfNeeded: value)
        self[offset + 1] = UInt8(truncatingIfNeeded: value &>> 8)
        self[offset + 2] = UInt8(truncatingIfNeeded: value &>> 16)
        self[offset + 3] = UInt8(truncatingIfNeeded: value &>> 24)
    }
}

extension UnsafeRawPointer {
    /// The little-endian `UInt32` at `offset` (any alignment).
    @inlinable @inline(__always)
    public func loadLE32(_ offset: Int) -> UInt32 {
        UInt32(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }
}

/// A bounds-checked cursor over encoded bytes, for records and validation (not the hot decode path).
public struct ByteReader {
    /// Raised when the bytes end early or hold an impossible value.
    public struct Malformed: Error, CustomStringConvertible {
        public let description: String
    }

    private let bytes: UnsafeRawBufferPointer
    /// The read position.
    public private(set) var offset = 0

    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// True when every byte has been read.
    public var isAtEnd: Bool { offset >= bytes.count }

    public mutating func u8() throws(Malformed) -> UInt8 {
        guard offset < bytes.count else { throw Malformed(description: "truncated at byte \(offset)") }
        defer { offset += 1 }
        return bytes[offset]
    }

    public mutating func u32() throws(Malformed) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw Malformed(description: "truncated at byte \(offset)") }
        defer { offset += 4 }
        return UnsafeRawPointer(bytes.baseAddress!).loadLE32(offset)
    }

    public mutating func u64() throws(Malformed) -> UInt64 {
        let low = try u32()
        let high = try u32()
        return UInt64(low) | UInt64(high) << 32
    }

    public mutating func varint() throws(Malformed) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try u8()
            guard shift < 64 else { throw Malformed(description: "varint too long at byte \(offset)") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// Moves past `count` bytes.
    public mutating func skip(_ count: Int) throws(Malformed) {
        guard count >= 0, count <= bytes.count - offset else { throw Malformed(description: "truncated at byte \(offset)") }
        offset += count
    }

    /// A length-prefixed (varint) UTF-8 string.
    public mutating func string() throws(Malformed) -> String {
        let count = Int(try varint())
        guard count <= bytes.count - offset else { throw Malformed(description: "string overruns record at byte \(offset)") }
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    /// Appends a length-prefixed (varint) UTF-8 string, the form ``ByteReader/string()`` reads.
    public mutating func appendString(_ string: String) {
        var s = string
        s.withUTF8 { utf8 in
            VarInt.append64(UInt64(utf8.count), to: &self)
            append(contentsOf: utf8)
        }
    }
}
