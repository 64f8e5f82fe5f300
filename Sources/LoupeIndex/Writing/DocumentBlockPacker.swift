import Dispatch

/// Groups documents' texts, in increasing doc-id order, into ``DocumentBlock``s of about
/// ``DocumentBlock/targetSize`` raw bytes: the one packing rule of commits and compaction.
struct DocumentBlockPacker {
    typealias Document = (doc: UInt32, text: String)
    private var documents: [Document] = []
    private var bytes = 0

    /// Adds a document; when that fills the block, returns it (its key's doc id and its encoded
    /// value) and starts the next one.
    mutating func add(_ doc: UInt32, _ text: String) -> (lastDoc: UInt32, value: [UInt8])? {
        group(doc, text).map(Self.encode)
    }

    /// The block being filled, if it holds any document; the packer is empty afterwards.
    mutating func finish() -> (lastDoc: UInt32, value: [UInt8])? {
        finishGroup().map(Self.encode)
    }

    /// Adds a document; when that fills the block, returns the block's documents, not yet
    /// encoded (see ``encode(_:threads:)``), and starts the next one.
    mutating func group(_ doc: UInt32, _ text: String) -> [Document]? {
        documents.append((doc, text))
        bytes += text.utf8.count + 4
        return bytes >= DocumentBlock.targetSize ? finishGroup() : nil
    }

    /// The documents of the block being filled, if any; the packer is empty afterwards.
    mutating func finishGroup() -> [Document]? {
        guard !documents.isEmpty else { return nil }
        defer {
            documents.removeAll(keepingCapacity: true)
            bytes = 0
        }
        return documents
    }

    /// A block's key doc id and encoded value.
    static func encode(_ block: [Document]) -> (lastDoc: UInt32, value: [UInt8]) {
        (block[block.count - 1].doc, DocumentBlock.encode(block))
    }

    /// Encodes `blocks` (each non-empty) on `threads` threads, the results in the same order:
    /// compression is most of a commit's document-store work.
    static func encode(_ blocks: [[Document]], threads: Int) -> [(lastDoc: UInt32, value: [UInt8])] {
        guard !blocks.isEmpty else { return [] }
        let results = UnsafeMutableBufferPointer<(lastDoc: UInt32, value: [UInt8])>.allocate(capacity: blocks.count)
        defer { results.deinitialize().deallocate() }
        let shared = DisjointBuffer(elements: results)
        let per = (blocks.count + threads - 1) / threads
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for i in (t * per)..<min(blocks.count, (t + 1) * per) {
                (shared.elements.baseAddress! + i).initialize(to: encode(blocks[i]))
            }
        }
        return Array(results)
    }
}

