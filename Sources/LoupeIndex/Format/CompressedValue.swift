import LoupeCodec

/// How compressed table values (document blocks, record groups) are framed: u8 codec (0 stored,
/// 1 zstd), varint size of the raw payload, then the payload, compressed only when that makes it
/// smaller.
enum CompressedValue {
    /// The stored value of `raw`, compressed with `compressor` when given, else with a context
    /// of its own.
    static func encode(_ raw: [UInt8], compressor: Zstd.Compressor? = nil) -> [UInt8] {
        let compressed = raw.withUnsafeBytes { compressor?.compress($0) ?? Zstd.compress($0) }
        let useCompressed = compressed.count < raw.count
        var out: [UInt8] = [useCompressed ? 1 : 0]
        VarInt.append(UInt32(raw.count), to: &out)
        out += useCompressed ? compressed : raw
        return out
    }

    /// The raw payload of a stored value (copied out of the map), decompressed with
    /// `decompressor` when given, else with a context of its own.
    /// - Throws: ``IndexError/corrupt(_:)`` naming `what` when the value does not decode.
    static func decode(_ value: UnsafeRawBufferPointer, decompressor: Zstd.Decompressor?, what: String) throws -> [UInt8] {
        var header = ByteReader(value)
        let codec = try header.u8()
        let size = Int(try header.varint())
        let body = UnsafeRawBufferPointer(rebasing: value[header.offset...])
        let payload: [UInt8]
        switch codec {
        case 0: payload = Array(body)
        case 1: payload = try (decompressor ?? Zstd.Decompressor()).decompress(body, size: size)
        default: throw IndexError.corrupt("\(what) codec \(codec)")
        }
        guard payload.count == size else { throw IndexError.corrupt("\(what) of \(payload.count) bytes, expected \(size)") }
        return payload
    }
}
