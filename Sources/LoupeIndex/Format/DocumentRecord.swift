import LoupeCodec

/// The `records` table's value for one doc id.
///
/// Layout: u8 version (1), varint-prefixed strings `id`, `title`, `source`; u64 content hash;
/// varint mtime in nanoseconds (the i64's bit pattern); varint size; varint length per
/// ``IndexField`` in raw-value order.
public struct DocumentRecord: Sendable, Equatable {
    /// The stable external id: the path relative to the indexed root, or the JSONL `id`.
    public var id: String
    /// The title shown in results.
    public var title: String
    /// Where the document came from: an absolute file path, or `jsonl:FILE` for JSON lines.
    public var source: String
    /// A 64-bit hash of the extracted content, to skip unchanged files.
    public var contentHash: UInt64
    /// Modification time of the source file in nanoseconds since 1970 (0 for JSON lines).
    public var mtimeNanoseconds: Int64
    /// Size of the source file in bytes (the text's size for JSON lines).
    public var size: UInt64
    /// Tokens per field, in ``IndexField`` raw-value order (body, title, path).
    public var lengths: [UInt32]

    public init(id: String, title: String, source: String, contentHash: UInt64, mtimeNanoseconds: Int64, size: UInt64, lengths: [UInt32]) {
        self.id = id
        self.title = title
        self.source = source
        self.contentHash = contentHash
        self.mtimeNanoseconds = mtimeNanoseconds
        self.size = size
        self.lengths = lengths
    }

    /// The token count of `field`.
    public func length(_ field: IndexField) -> UInt32 { lengths[Int(field.rawValue)] }

    func encoded() -> [UInt8] {
        var out: [UInt8] = [1]
        out.appendString(id)
        out.appendString(title)
        out.appendString(source)
        out.appendLE(contentHash)
        VarInt.append64(UInt64(bitPattern: mtimeNanoseconds), to: &out)
        VarInt.append64(size, to: &out)
        for length in lengths { VarInt.append(length, to: &out) }
        return out
    }

    init(decoding bytes: UnsafeRawBufferPointer) throws {
        var reader = ByteReader(bytes)
        let version = try reader.u8()
        guard version == 1 else { throw IndexError.corrupt("document record version \(version)") }
        id = try reader.string()
        title = try reader.string()
        source = try reader.string()
        contentHash = try reader.u64()
        mtimeNanoseconds = Int64(bitPattern: try reader.varint())
        size = try reader.varint()
        lengths = try IndexField.allCases.map { _ in
            let length = try reader.varint()
            guard length <= UInt64(UInt32.max) else { throw IndexError.corrupt("document record length \(length)") }
            return UInt32(length)
        }
    }
}
