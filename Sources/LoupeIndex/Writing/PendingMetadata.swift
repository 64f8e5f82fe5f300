import LoupeCodec
import LoupeExtract

/// Per pending document of an ``IndexWriter``, in batch-place order, what its commit's `labels`
/// and `columns` pages take from the document's record: its labels (type and extension) and its
/// column values (modified, size).
///
/// A bulk load's commit fills those pages for every document it numbers, while most records are
/// already staged (``DocumentStaging``) and otherwise only in the spill file: with these values at
/// hand the commit builds the pages without reading the spill back and decoding every record.
/// They are kept as varints in one byte array, about 4 bytes a JSON-lines document: the index of
/// the document's labels in a table of the distinct ones seen, the zigzag difference of its
/// `modified` from the previous document's, and its size.
struct PendingMetadata {
    /// One document's values, as ``forEach(_:)`` hands them out.
    struct Values {
        /// The index of the document's labels in ``labelSets``.
        var labelSet: Int
        var modified: Int64
        var size: UInt64

        /// The value of `column`, as ``DocumentColumn/value(of:)`` gives it for the record.
        func value(_ column: DocumentColumn) -> Int64 {
            switch column {
            case .modified: modified
            case .size: Int64(bitPattern: size)
            }
        }
    }

    private var bytes: [UInt8] = []
    /// The distinct labels of a document seen (``DocumentLabel/labels(of:)``), in order of first use.
    private(set) var labelSets: [[DocumentLabel]] = []
    /// Each one's index in ``labelSets``.
    private var indices: [[DocumentLabel]: UInt32] = [:]
    /// The type and extension of the last document appended, and the index of their labels:
    /// consecutive documents (the lines of a JSON-lines file, the files of a folder) mostly share
    /// them, and comparing them costs less than building and hashing the labels (which, in a bulk
    /// load, the workers wait for).
    private var last: (type: DocumentType, ext: String, index: UInt32)?
    private var lastModified: Int64 = 0
    /// The documents appended.
    private(set) var count = 0

    /// Appends the values of the document whose record is `record`.
    mutating func append(_ record: DocumentRecord) {
        let index: UInt32
        if let last, last.type == record.metadata.type, last.ext == record.metadata.ext {
            index = last.index
        } else {
            let labels = DocumentLabel.labels(of: record.metadata)
            if let known = indices[labels] {
                index = known
            } else {
                index = UInt32(labelSets.count)
                labelSets.append(labels)
                indices[labels] = index
            }
            last = (record.metadata.type, record.metadata.ext, index)
        }
        VarInt.append(index, to: &bytes)
        let delta = record.metadata.modified &- lastModified
        VarInt.append64(UInt64(bitPattern: (delta << 1) ^ (delta >> 63)), to: &bytes)
        VarInt.append64(record.size, to: &bytes)
        lastModified = record.metadata.modified
        count += 1
    }

    /// Calls `body` with the values of the first `limit` documents (all by default), in order.
    func forEach(limit: Int = .max, _ body: (Values) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { bytes in
            var offset = 0, modified: Int64 = 0
            func varint() -> UInt64 {
                var value: UInt64 = 0, shift: UInt64 = 0
                while true {
                    let byte = bytes[offset]
                    offset += 1
                    value |= UInt64(byte & 0x7F) << shift
                    if byte < 0x80 { return value }
                    shift += 7
                }
            }
            for _ in 0..<min(limit, count) {
                let labelSet = Int(varint())
                let zigzag = varint()
                modified &+= Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1)))
                try body(Values(labelSet: labelSet, modified: modified, size: varint()))
            }
        }
    }

    /// Bytes held, about.
    var memoryBytes: Int { bytes.capacity + labelSets.count * 128 }
}
