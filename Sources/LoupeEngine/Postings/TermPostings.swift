import LoupeCodec
import LoupeIndex

/// Sentinel doc id of an exhausted iterator; it sorts after every real doc id.
public let terminatedDoc = UInt32.max

/// Iterates one term's postings across its chunks, block by block, decoding straight from the
/// memory map into two 128-entry buffers (no allocation per posting or block); the doc ids are
/// followed by ``BlockSearch`` sentinels, so an advance within a block compares eight at once.
///
/// A bit-packed block's term frequencies are decoded only when they are read: an intersection
/// that passes through a block without scoring in it decodes its doc ids alone, and one that
/// scores a few of its documents reads their frequencies one by one from the packed bits
/// (``singleReads``), unpacking the block only at the read after those.
///
/// After creation it stands on the first posting. Block metadata (``blockLastDoc``,
/// ``blockMaxTf``, ``blockMinLength``) describes the block that ``shallowAdvance(to:)`` or the
/// current position points at, which is what block-max pruning reads.
public final class TermPostings {
    let chunks: [PostingsChunk]
    /// The term's dictionary entry.
    public let info: TermInfo
    private var chunkIndex = 0
    private var blockIndex = 0
    private var decodedChunk = -1
    private var decodedBlock = -1
    private let docs: UnsafeMutablePointer<UInt32>
    private let tfs: UnsafeMutablePointer<UInt32>
    private var count = 0
    private var cursor = 0
    /// The decoded block's term frequencies are still packed (see ``frequenciesDecoded()``).
    private var frequenciesPending = false
    /// Frequencies of the decoded block read from the packed bits so far, and where those bits
    /// are while ``frequenciesPending``.
    private var singleReadCount = 0
    private var packedFrequencies: UnsafeRawPointer
    private var packedFrequencyBits = 0
    /// The current doc id, or ``terminatedDoc``.
    public private(set) var doc: UInt32 = terminatedDoc

    /// Whether blocks decode term frequencies (counting reads doc ids only).
    private let frequencies: Bool

    /// With `frequencies` false only doc ids are decoded, and ``tf`` must not be read. The chunks'
    /// bytes must outlive the postings.
    public init(chunks: [PostingsChunk], info: TermInfo, frequencies: Bool = true) {
        self.chunks = chunks.filter { $0.docCount > 0 }
        self.info = info
        self.frequencies = frequencies
        docs = .allocate(capacity: BitPacking.blockSize + BlockSearch.padding)
        tfs = .allocate(capacity: BitPacking.blockSize)
        packedFrequencies = UnsafeRawPointer(tfs)
        if !self.chunks.isEmpty { load(chunk: 0, block: 0) }
    }

    deinit {
        docs.deallocate()
        tfs.deallocate()
    }

    /// Total postings across chunks (deleted documents included).
    public var postingCount: Int { chunks.reduce(0) { $0 + $1.docCount } }

    /// The current document's term frequency.
    @inline(__always) public var tf: UInt32 { tf(at: cursor) }

    /// Frequencies of a packed block read one at a time before the block is unpacked: reading
    /// one costs a few instructions, unpacking 128 about as many as a dozen reads.
    static var singleReads: Int { 8 }

    /// The term frequency of the `index`-th document of the decoded block, whose frequencies
    /// are still packed.
    @inline(__always)
    private func pendingFrequency(_ index: Int) -> UInt32 {
        guard singleReadCount < Self.singleReads else { return unpackedFrequency(index) }
        singleReadCount &+= 1
        return BitPacking.value(at: index, in: packedFrequencies, bits: packedFrequencyBits) &+ 1
    }

    /// Unpacks the decoded block's frequencies and returns the `index`-th.
    @inline(never)
    private func unpackedFrequency(_ index: Int) -> UInt32 {
        decodeFrequencies()
        return tfs[index]
    }

    /// The decoded block's term frequencies, unpacked on first use.
    @inline(__always)
    private func frequenciesDecoded() -> UnsafeMutablePointer<UInt32> {
        if frequenciesPending { decodeFrequencies() }
        return tfs
    }

    @inline(never)
    private func decodeFrequencies() {
        chunks[decodedChunk].decodeFrequencies(block: decodedBlock, into: tfs)
        frequenciesPending = false
    }

    /// The decoded chunk and block and the current document's index in it: what
    /// ``PositionsReader`` needs.
    @inline(__always)
    var blockPosition: (chunk: Int, block: Int, index: Int) { (decodedChunk, decodedBlock, cursor) }

    /// The term frequency of the `index`-th document of the decoded block.
    @inline(__always)
    func tf(at index: Int) -> UInt32 { frequenciesPending ? pendingFrequency(index) : tfs[index] }

    /// The sum of the term frequencies of documents `range` of the decoded block (a document's
    /// first position's index in its positions block is this sum over the documents before it).
    @inline(__always)
    func tfSum(_ range: Range<Int>) -> Int {
        let tfs = frequenciesDecoded()
        var sum = 0
        for i in range { sum &+= Int(tfs[i]) }
        return sum
    }

    /// The decoded block's term frequencies from the current posting on: those of the doc ids
    /// ``copyDecoded(through:into:capacity:)`` lists, at the same offsets.
    @inline(__always)
    var frequenciesFromCursor: UnsafeMutablePointer<UInt32> { frequenciesDecoded() + cursor }

    /// The chunk views, for positions lookups.
    var chunkViews: [PostingsChunk] { chunks }

    /// Decodes a block: out of line, so that the loops that step within a block stay small.
    @inline(never)
    private func load(chunk: Int, block: Int) {
        chunkIndex = chunk
        blockIndex = block
        decodedChunk = chunk
        decodedBlock = block
        let view = chunks[chunk]
        frequenciesPending = frequencies && view.isPacked(block: block)
        if frequenciesPending {
            (packedFrequencies, packedFrequencyBits) = view.packedFrequencies(block: block)
            singleReadCount = 0
        }
        count = view.decode(block: block, docs: docs, tfs: frequencies && !frequenciesPending ? tfs : nil)
        (docs + count).update(repeating: BlockSearch.sentinel, count: BlockSearch.padding)
        cursor = 0
        doc = docs[0]
    }

    /// Moves to the next posting and returns its doc id (or ``terminatedDoc``).
    @inline(__always)
    @discardableResult
    public func next() -> UInt32 {
        cursor += 1
        if cursor < count {
            doc = docs[cursor]
            return doc
        }
        return loadFollowingBlock()
    }

    private func loadFollowingBlock() -> UInt32 {
        var chunk = decodedChunk
        var block = decodedBlock + 1
        if block >= chunks[chunk].blockCount {
            chunk += 1
            block = 0
        }
        guard chunk < chunks.count else {
            doc = terminatedDoc
            chunkIndex = chunks.count
            return doc
        }
        load(chunk: chunk, block: block)
        return doc
    }

    /// The decoded block, from the current posting on: doc ids and term frequencies.
    @inline(__always)
    var remainingBlock: (docs: UnsafeMutablePointer<UInt32>, tfs: UnsafeMutablePointer<UInt32>, range: Range<Int>) {
        (docs, frequenciesDecoded(), cursor..<count)
    }

    /// The impacts of the decoded block.
    @inline(__always)
    var decodedImpacts: Impacts { chunks[decodedChunk].impacts(ofBlock: decodedBlock) }

    /// Decodes the next block for which `skip(impacts)` is false, skipping the others on their
    /// metadata alone; false (and ``doc`` terminated) at the end.
    @inline(__always)
    func loadNextBlock(skippingWhile skip: (Impacts) -> Bool) -> Bool {
        var chunk = decodedChunk
        var block = decodedBlock + 1
        while chunk < chunks.count {
            if block >= chunks[chunk].blockCount {
                chunk += 1
                block = 0
                continue
            }
            if !skip(chunks[chunk].impacts(ofBlock: block)) {
                load(chunk: chunk, block: block)
                return true
            }
            block += 1
        }
        doc = terminatedDoc
        chunkIndex = chunks.count
        return false
    }

    /// Moves to the first posting whose doc id is ≥ `target` and returns it (or ``terminatedDoc``).
    /// Blocks that end before `target` are skipped without being decoded.
    @inline(__always)
    @discardableResult
    public func advance(to target: UInt32) -> UInt32 {
        if doc >= target { return doc }
        if docs[count - 1] < target {
            // Search from the decoded block: block metadata may point further ahead.
            chunkIndex = decodedChunk
            blockIndex = decodedBlock
            shallowAdvance(to: target)
            guard chunkIndex < chunks.count else {
                doc = terminatedDoc
                return doc
            }
            load(chunk: chunkIndex, block: blockIndex)
        }
        cursor = BlockSearch.firstIndex(in: docs, from: cursor, below: count, reaching: target)
        doc = docs[cursor]
        return doc
    }

    /// Keeps, of the documents `docs[Int(selected[j])]` for `j < count` (increasing doc ids), those
    /// these postings hold, compacted in order at the front of `selected`, and calls `matched`
    /// with each kept index while standing on its document; returns how many it kept.
    ///
    /// One step of a block-at-a-time conjunction: the postings move as one ``advance(to:)`` per
    /// document would (blocks that end before a document are skipped undecoded), but a document
    /// inside the decoded block is found by ``BlockSearch`` from the cursor with no call, and the
    /// term frequencies stay packed unless `matched` reads one.
    @inline(__always)
    public func retain(
        of docs: UnsafePointer<UInt32>, _ selected: UnsafeMutablePointer<Int32>, count: Int, _ matched: (Int) -> Void
    ) -> Int {
        // The cursor, doc and block length stay in locals, written back before `matched` (which
        // reads them) and before an advance to another block.
        var kept = 0
        var j = 0
        var position = cursor, current = doc, length = self.count
        while j < count {
            let index = selected[j]
            let target = docs[Int(index)]
            j += 1
            if current < target {
                if self.docs[length &- 1] < target {
                    cursor = position
                    current = advance(to: target)
                    if current == terminatedDoc { return kept }
                    position = cursor
                    length = self.count
                } else {
                    position = BlockSearch.firstIndex(in: self.docs, from: position, below: length, reaching: target)
                    current = self.docs[position]
                }
            }
            if current == target {
                selected[kept] = index
                kept &+= 1
                cursor = position
                doc = current
                matched(Int(index))
            }
        }
        cursor = position
        doc = current
        return kept
    }

    /// Copies the decoded block's doc ids from the current one through `end` (at most
    /// `capacity`) to `out` and returns how many; nothing moves.
    @inline(__always)
    func copyDecoded(through end: UInt32, into out: UnsafeMutablePointer<UInt32>, capacity: Int) -> Int {
        let limit = min(count, cursor &+ capacity)
        guard limit > cursor else { return 0 }
        // The doc ids are increasing: those through `end` are the ones before the first past it.
        let stop = docs[limit &- 1] <= end ? limit : BlockSearch.firstIndex(in: docs, from: cursor, below: limit, reaching: end &+ 1)
        out.update(from: docs + cursor, count: stop &- cursor)
        return stop &- cursor
    }

    /// Points the block metadata at the first block that may hold a doc ≥ `target`, without
    /// decoding it or moving ``doc``. Returns that block's last doc id (``terminatedDoc`` if none).
    @discardableResult
    public func shallowAdvance(to target: UInt32) -> UInt32 {
        while chunkIndex < chunks.count {
            let chunk = chunks[chunkIndex]
            if chunk.lastDoc >= target {
                blockIndex = chunk.block(reaching: target, from: blockIndex)
                return chunk.lastDoc(ofBlock: blockIndex)
            }
            chunkIndex += 1
            blockIndex = 0
        }
        return terminatedDoc
    }

    /// Last doc id of the block the metadata points at.
    @inline(__always) public var blockLastDoc: UInt32 {
        chunkIndex < chunks.count ? chunks[chunkIndex].lastDoc(ofBlock: blockIndex) : terminatedDoc
    }
    /// The impacts of that block (none past the end).
    @inline(__always) public var blockImpacts: Impacts {
        chunkIndex < chunks.count ? chunks[chunkIndex].impacts(ofBlock: blockIndex) : Impacts(tf1: 0, length1: .max, tf2: 0, length2: .max)
    }

    /// The largest `bound` of the blocks from the one the metadata points at, up to the first that
    /// reaches `end` but at most `limit` of them, and the last doc id they cover (at least `end`
    /// only when the scan reached it). The metadata does not move.
    @inline(__always)
    func maxBound(through end: UInt32, blocks limit: Int, _ bound: (Impacts) -> Double) -> (bound: Double, last: UInt32) {
        var chunk = chunkIndex, block = blockIndex, best = 0.0, scanned = 0
        while chunk < chunks.count {
            if block >= chunks[chunk].blockCount {
                chunk += 1
                block = 0
                continue
            }
            best = max(best, bound(chunks[chunk].impacts(ofBlock: block)))
            let last = chunks[chunk].lastDoc(ofBlock: block)
            scanned += 1
            if last >= end || scanned == limit { return (best, last) }
            block += 1
        }
        return (best, terminatedDoc)
    }

    /// Calls `body` with every block's impacts: for the term's score upper bound.
    func forEachBlockBound(_ body: (Impacts) -> Void) {
        for chunk in chunks {
            for block in 0..<chunk.blockCount { body(chunk.impacts(ofBlock: block)) }
        }
    }
}
