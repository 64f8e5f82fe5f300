import LoupeCodec
import LoupeExtract

/// The `records` table's value for one doc id.
///
/// Layout: u8 version (2), varint-prefixed strings `id`, `title`, `source`; u64 content hash;
/// varint mtime in nanoseconds (the i64's bit pattern); varint size; varint length per
/// ``IndexField`` in raw-value order; then the metadata: varint-prefixed strings type and ext,
/// varint modified (the i64's bit pattern), varint field count and per field its name and value
/// as varint-prefixed strings.
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
    /// The type, extension, date and named fields that filters, sorting and `GET` use.
    public var metadata: DocumentMetadata

    public init(
        id: String, title: String, source: String, contentHash: UInt64, mtimeNanoseconds: Int64, size: UInt64, lengths: [UInt32],
        metadata: DocumentMetadata = DocumentMetadata()
    ) {
        self.id = id
        self.title = title
        self.source = source
        self.contentHash = contentHash
        self.mtimeNanoseconds = mtimeNanoseconds
        self.size = size
        self.lengths = lengths
        self.metadata = metadata
    }

    /// The token count of `field`.
    public func length(_ field: IndexField) -> UInt32 { lengths[Int(field.rawValue)] }

    func encoded() -> [UInt8] {
        var out: [UInt8] = [2]
        out.appendString(id)
        out.appendString(title)
        out.appendString(source)
        out.appendLE(contentHash)
        VarInt.append64(UInt64(bitPattern: mtimeNanoseconds), to: &out)
        VarInt.append64(size, to: &out)
        for length in lengths { VarInt.append(length, to: &out) }
        out.appendString(metadata.type.rawValue)
        out.appendString(metadata.ext)
        VarInt.append64(UInt64(bitPattern: metadata.modified), to: &out)
        VarInt.append(UInt32(metadata.fields.count), to: &out)
        for field in metadata.fields {
            out.appendString(field.name)
            out.appendString(field.value)
        }
        return out
    }

    /// The id and title of the encoded record `bytes`, the rest left undecoded: what a hit list
    /// shows.
    static func heading(decoding bytes: UnsafeRawBufferPointer) throws -> (id: String, title: String) {
        var reader = ByteReader(bytes)
        let version = try reader.u8()
        guard version == 2 else { throw IndexError.corrupt("document record version \(version)") }
        return (try reader.string(), try reader.string())
    }

    init(decoding bytes: UnsafeRawBufferPointer) throws {
        var reader = ByteReader(bytes)
        let version = try reader.u8()
        guard version == 2 else { throw IndexError.corrupt("document record version \(version)") }
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
        let typeName = try reader.string()
        guard let type = DocumentType(rawValue: typeName) else { throw IndexError.corrupt("document record type \(typeName)") }
        let ext = try reader.string()
        let modified = Int64(bitPattern: try reader.varint())
        let fieldCount = try reader.varint()
        guard fieldCount <= UInt64(bytes.count) else { throw IndexError.corrupt("document record field count \(fieldCount)") }
        var fields: [DocumentField] = []
        for _ in 0..<fieldCount { fields.append(DocumentField(name: try reader.string(), value: try reader.string())) }
        metadata = DocumentMetadata(type: type, ext: ext, modified: modified, fields: fields)
    }
}
