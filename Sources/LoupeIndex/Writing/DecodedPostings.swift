/// One term's pending postings in the form the chunk encoders take: doc ids, term frequencies,
/// positions (per document: first absolute, then gaps, as varints) and where each document's
/// positions end.
///
/// Its storage only grows: the postings are the first ``count`` documents and ``byteCount``
/// position bytes of arrays kept from term to term, so decoding term after term into one value
/// allocates only while the terms grow, and a ``Writer`` stores a posting with plain stores, with
/// no capacity or uniqueness check (Swift's `append` pays both, per value).
struct DecodedPostings {
    private var docStore: [UInt32] = []
    private var tfStore: [UInt32] = []
    private var endStore: [UInt32] = []
    private var byteStore: [UInt8] = []
    /// Documents held.
    private(set) var count = 0
    /// Bytes of positions held.
    private(set) var byteCount = 0

    init() {}

    /// The doc ids, strictly increasing (a copy).
    var docs: [UInt32] { Array(docStore[..<count]) }
    /// The term frequency of each document (a copy).
    var tfs: [UInt32] { Array(tfStore[..<count]) }
    /// Every document's positions, concatenated (a copy).
    var positionBytes: [UInt8] { Array(byteStore[..<byteCount]) }
    /// Where each document's positions end in ``positionBytes`` (a copy).
    var positionEnds: [UInt32] { Array(endStore[..<count]) }
    /// The last doc id, nil when empty.
    var lastDoc: UInt32? { count == 0 ? nil : docStore[count - 1] }

    /// Forgets the postings, keeping the storage.
    mutating func removeAll() {
        count = 0
        byteCount = 0
    }

    /// Appends one document with its term frequency and positions (`positions`: its varints).
    mutating func append(doc: UInt32, tf: UInt32, positions: UnsafeRawBufferPointer) {
        write(documents: 1, positionBytes: positions.count) { writer in
            writer.append(positions)
            writer.endDocument(doc, tf: tf)
        }
    }

    /// Calls `body` with a ``Writer`` that appends at most `documents` documents and
    /// `positionBytes` bytes of positions; what it wrote stays, even when `body` throws.
    mutating func write<R>(documents: Int, positionBytes: Int, _ body: (inout Writer) throws -> R) rethrows -> R {
        Self.grow(&docStore, to: count + documents)
        Self.grow(&tfStore, to: count + documents)
        Self.grow(&endStore, to: count + documents)
        Self.grow(&byteStore, to: byteCount + positionBytes)
        // Out of `self` while their storage is written, so that four accesses can overlap.
        var docs: [UInt32] = [], tfs: [UInt32] = [], ends: [UInt32] = [], bytes: [UInt8] = []
        swap(&docs, &docStore)
        swap(&tfs, &tfStore)
        swap(&ends, &endStore)
        swap(&bytes, &byteStore)
        defer {
            swap(&docs, &docStore)
            swap(&tfs, &tfStore)
            swap(&ends, &endStore)
            swap(&bytes, &byteStore)
        }
        let (count, byteCount) = (self.count, self.byteCount)
        var written = (count, byteCount)
        defer { (self.count, self.byteCount) = written }
        return try docs.withUnsafeMutableBufferPointer { docs in
            try tfs.withUnsafeMutableBufferPointer { tfs in
                try ends.withUnsafeMutableBufferPointer { ends in
                    try bytes.withUnsafeMutableBufferPointer { bytes in
                        var writer = Writer(
                            docs: docs.baseAddress!, tfs: tfs.baseAddress!, ends: ends.baseAddress!, bytes: bytes.baseAddress!,
                            count: count, byteCount: byteCount, documentLimit: count + documents, byteLimit: byteCount + positionBytes)
                        defer { written = (writer.count, writer.byteCount) }
                        return try body(&writer)
                    }
                }
            }
        }
    }

    /// Calls `body` with the postings: the doc ids, the term frequencies, the positions' bytes and
    /// their ends.
    func withBuffers<R>(
        _ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>, UnsafeRawBufferPointer, UnsafeBufferPointer<UInt32>) throws -> R
    ) rethrows -> R {
        try docStore.withUnsafeBufferPointer { docs in
            try tfStore.withUnsafeBufferPointer { tfs in
                try byteStore.withUnsafeBytes { bytes in
                    try endStore.withUnsafeBufferPointer { ends in
                        try body(
                            UnsafeBufferPointer(rebasing: docs[..<count]), UnsafeBufferPointer(rebasing: tfs[..<count]),
                            UnsafeRawBufferPointer(rebasing: bytes[..<byteCount]), UnsafeBufferPointer(rebasing: ends[..<count]))
                    }
                }
            }
        }
    }

    /// Adds `base` to every doc id (batch places become doc ids).
    mutating func offsetDocs(by base: UInt32) {
        let count = self.count
        docStore.withUnsafeMutableBufferPointer { docs in
            for i in 0..<count { docs[i] += base }
        }
    }

    /// Makes `store` hold at least `count` elements, at least doubling it when it grows.
    private static func grow<T: FixedWidthInteger>(_ store: inout [T], to count: Int) {
        guard store.count < count else { return }
        store.append(contentsOf: repeatElement(0, count: max(count, 2 * store.count, 64) - store.count))
    }

    /// Appends documents to a ``DecodedPostings`` within the room ``DecodedPostings/write(documents:positionBytes:_:)``
    /// made. The caller checks the room (``hasRoom(bytes:)``) before each document.
    struct Writer {
        private let docs: UnsafeMutablePointer<UInt32>
        private let tfs: UnsafeMutablePointer<UInt32>
        private let ends: UnsafeMutablePointer<UInt32>
        private let bytes: UnsafeMutablePointer<UInt8>
        /// Documents and position bytes held, those before the writer's included.
        private(set) var count: Int
        private(set) var byteCount: Int
        private let documentLimit: Int
        private let byteLimit: Int

        fileprivate init(
            docs: UnsafeMutablePointer<UInt32>, tfs: UnsafeMutablePointer<UInt32>, ends: UnsafeMutablePointer<UInt32>,
            bytes: UnsafeMutablePointer<UInt8>, count: Int, byteCount: Int, documentLimit: Int, byteLimit: Int
        ) {
            self.docs = docs
            self.tfs = tfs
            self.ends = ends
            self.bytes = bytes
            self.count = count
            self.byteCount = byteCount
            self.documentLimit = documentLimit
            self.byteLimit = byteLimit
        }

        /// Whether one more document with `bytes` bytes of positions fits.
        @inline(__always)
        func hasRoom(bytes n: Int) -> Bool { count < documentLimit && byteCount + n <= byteLimit }

        /// Whether `doc` may come next: it is above the last document held.
        @inline(__always)
        func accepts(_ doc: UInt32) -> Bool { count == 0 || doc > docs[count - 1] }

        /// Appends `value` as a varint (1 to 5 bytes) to the current document's positions.
        @inline(__always)
        mutating func appendVarInt(_ value: UInt32) {
            var v = value
            while v >= 0x80 {
                bytes[byteCount] = UInt8(truncatingIfNeeded: v) | 0x80
                byteCount &+= 1
                v &>>= 7
            }
            bytes[byteCount] = UInt8(truncatingIfNeeded: v)
            byteCount &+= 1
        }

        /// Appends `source`'s bytes to the current document's positions.
        @inline(__always)
        mutating func append(_ source: UnsafeRawBufferPointer) {
            guard let base = source.baseAddress else { return }
            (bytes + byteCount).update(from: base.assumingMemoryBound(to: UInt8.self), count: source.count)
            byteCount &+= source.count
        }

        /// Copies the bytes from `p` to the next 0 byte (a document's positions after the first, as
        /// a stream holds them) to the current document's positions, leaving `p` at that 0 byte;
        /// returns the number of varints they end (the bytes below 0x80). The caller checked the
        /// room for them.
        @inline(__always)
        mutating func copyPositions(_ p: inout UnsafePointer<UInt8>) -> UInt32 {
            var varints: UInt32 = 0
            var q = bytes + byteCount
            while p.pointee != 0 {
                let byte = p.pointee
                q.pointee = byte
                varints &+= UInt32((~byte) >> 7)
                p += 1
                q += 1
            }
            byteCount = q - bytes
            return varints
        }

        /// Ends the current document: `doc`, with `tf` positions written since the last one ended.
        @inline(__always)
        mutating func endDocument(_ doc: UInt32, tf: UInt32) {
            docs[count] = doc
            tfs[count] = tf
            ends[count] = UInt32(truncatingIfNeeded: byteCount)
            count &+= 1
        }
    }
}
