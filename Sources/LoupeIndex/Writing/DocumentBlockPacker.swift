/// Groups documents, in increasing doc-id order, into ``DocumentBlock``s of about
/// ``DocumentBlock/targetSize`` raw bytes: the one packing rule of commits and compaction.
struct DocumentBlockPacker {
    private var documents: [(doc: UInt32, record: DocumentRecord, text: String)] = []
    private var bytes = 0

    /// Adds a document; when that fills the block, returns it (its key's doc id and its encoded
    /// value) and starts the next one.
    mutating func add(_ doc: UInt32, _ record: DocumentRecord, _ text: String) -> (lastDoc: UInt32, value: [UInt8])? {
        documents.append((doc, record, text))
        bytes += text.utf8.count + 64
        return bytes >= DocumentBlock.targetSize ? finish() : nil
    }

    /// The block being filled, if it holds any document; the packer is empty afterwards.
    mutating func finish() -> (lastDoc: UInt32, value: [UInt8])? {
        guard let last = documents.last else { return nil }
        defer {
            documents.removeAll(keepingCapacity: true)
            bytes = 0
        }
        return (last.doc, DocumentBlock.encode(documents))
    }
}
