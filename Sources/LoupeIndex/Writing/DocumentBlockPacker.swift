import Dispatch
import Synchronization
import LoupeCodec
import LoupeStorage

/// Packs documents' texts, in increasing doc-id order, into ``DocumentBlock``s sized to LMDB's
/// pages: the one packing rule of commits and compaction.
///
/// A block is as large as it can be while its stored value stays in the leaf page (at most half
/// a page: 2026 bytes on 4 KiB pages, about 4.5 KiB of text), so two share a page and a snippet
/// decompresses about as much as ever. A block that cannot stay there (its first document alone
/// is too large) takes overflow pages, which are whole pages, and is filled with the documents
/// that follow until the next would need one more page. Sizes are compressed sizes, so the
/// packer compresses to decide, and compression is most of its cost: it aims to compress each
/// block once. It predicts a block's compressed size from the block before as a fixed part
/// (``fixedBytes``: the value's header, zstd's frame and entropy tables) plus a marginal ratio
/// per raw byte, which a small block's average ratio overstates; it compresses the documents the
/// prediction fits in the leaf, cuts them in proportion when they do not fit, and then adds
/// the documents that the block's own ratio says still fit in the space its value takes anyway,
/// all at once, keeping them only if they do. In the leaf, that last step is taken only when the
/// prediction leaves a margin (``growMargin``): a failed attempt is a wasted compression. On the
/// bench corpus's texts this is 1.38 compressions per block against 1.94 for a document more or
/// less at a time, for 1.6 % more blocks (1.2 % more of the file). Against blocks of a fixed 4 KiB of text, whose
/// compressed size fell anywhere (often just past the inline limit, taking a whole page), this
/// stores the bench corpus's texts in about a quarter less of the file.
///
/// The documents are cut into runs of about ``runSize`` bytes of text (`group`), which the
/// workers pack independently (``encode(_:layout:threads:)``); a run's last block may be short.
/// The blocks depend only on the documents and the run boundaries, so a commit and a compaction
/// of the same documents write the same blocks. Public for the micro-benchmarks.
public struct DocumentBlockPacker {
    public typealias Document = (doc: UInt32, text: String)
    /// A block's key doc id and its encoded `docstore` value.
    public typealias Block = (lastDoc: UInt32, value: [UInt8])

    /// Bytes of text per run: large enough that a run's short last block is rare (one in 30 or
    /// so), small enough that a round of runs held for the workers stays small.
    public static let runSize = 128 << 10

    private var documents: [Document] = []
    private var bytes = 0

    public init() {}

    /// Adds a document; when that completes a run, returns the run and starts the next one.
    public mutating func group(_ doc: UInt32, _ text: String) -> [Document]? {
        documents.append((doc, text))
        bytes += DocumentBlock.rawSize(of: text)
        return bytes >= Self.runSize ? finishGroup() : nil
    }

    /// The documents of the run being filled, if any; the packer is empty afterwards.
    public mutating func finishGroup() -> [Document]? {
        guard !documents.isEmpty else { return nil }
        defer {
            documents.removeAll(keepingCapacity: true)
            bytes = 0
        }
        return documents
    }

    /// The bytes of a compressed block that do not grow with its text, in the size prediction: the
    /// value's header, zstd's frame and block headers and its entropy tables (about 100 bytes for
    /// a few KiB of prose).
    static let fixedBytes = 100.0

    /// The share of its capacity that an inline block's prediction must stay within to try adding
    /// documents after its first compression: attempts near the limit fail too often to pay.
    static let growMargin = 0.95

    /// The compressed bytes per raw byte of a block of `raw` bytes compressed to `size`, beyond
    /// ``fixedBytes`` (at least half its average ratio).
    private static func marginalRatio(size: Int, raw: Int) -> Double {
        max(Double(size) - fixedBytes, Double(size) / 2) / Double(raw)
    }

    /// Packs one run (non-empty, increasing doc ids) into blocks for a table of `layout`.
    public static func pack(_ run: [Document], layout: PageLayout, compressor: Zstd.Compressor) -> [Block] {
        let keySize = 4
        let inline = layout.largestInlineValue(keySize: keySize)
        let sizes = run.map { DocumentBlock.rawSize(of: $0.text) }
        var blocks: [Block] = []
        var ratio = 0.5  // marginal ratio of the block before: the prediction for the next
        var start = 0
        while start < run.count {
            // Guess: as many documents as the prediction fits inline (at least one).
            var end = start + 1, raw = sizes[start]
            while end < run.count, fixedBytes + Double(raw + sizes[end]) * ratio <= Double(inline) {
                raw += sizes[end]
                end += 1
            }
            var value = DocumentBlock.encode(run[start..<end], compressor: compressor)
            // Too large for the leaf with several documents: shrink in proportion until it fits.
            while value.count > inline, end - start > 1 {
                let target = Double(raw) * Double(inline) / Double(value.count) * 0.97
                var kept = start + 1, keptRaw = sizes[start]
                while kept < end - 1, Double(keptRaw + sizes[kept]) <= target {
                    keptRaw += sizes[kept]
                    kept += 1
                }
                (end, raw) = (kept, keptRaw)
                value = DocumentBlock.encode(run[start..<end], compressor: compressor)
            }
            // Grow by the documents likely to fit in the space the value takes anyway, all at once.
            while end < run.count {
                let capacity = layout.capacity(forValueSize: value.count, keySize: keySize)
                let limit = Double(capacity) * (value.count > inline ? 1 : growMargin)
                let marginal = marginalRatio(size: value.count, raw: raw)
                var grown = end, grownRaw = raw, estimate = Double(value.count)
                while grown < run.count, estimate + Double(sizes[grown]) * marginal <= limit {
                    estimate += Double(sizes[grown]) * marginal
                    grownRaw += sizes[grown]
                    grown += 1
                }
                guard grown > end else { break }
                let candidate = DocumentBlock.encode(run[start..<grown], compressor: compressor)
                guard candidate.count <= capacity else { break }
                (value, end, raw) = (candidate, grown, grownRaw)
            }
            blocks.append((run[end - 1].doc, value))
            ratio = marginalRatio(size: value.count, raw: raw)
            start = end
        }
        return blocks
    }

    /// Packs `runs` (each non-empty) on up to `threads` threads, the blocks in doc-id order:
    /// compression is most of a commit's document-store work. Each thread takes the next run from
    /// a shared counter (runs compress in unequal times), and there are never more threads than
    /// runs: a commit's last round, or the stage's open run, may be a single run.
    ///
    /// `besides`, when given, is one more piece of work, run first on one of the threads while the
    /// others pack (a round's record groups, ``DocumentRound``): run before the packing, on one
    /// thread, it left the others idle.
    static func encode(
        _ runs: [[Document]], layout: PageLayout, threads: Int, besides: (@Sendable (Zstd.Compressor) -> Void)? = nil
    ) -> [Block] {
        let extra = besides == nil ? 0 : 1
        guard runs.count + extra > 0 else { return [] }
        let results = UnsafeMutableBufferPointer<[Block]>.allocate(capacity: runs.count)
        results.initialize(repeating: [])
        defer { results.deinitialize().deallocate() }
        let shared = DisjointBuffer(elements: results)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, runs.count + extra))) { _ in
            let compressor = Zstd.Compressor()
            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue - extra
                guard i < runs.count else { return }
                guard i >= 0 else {
                    besides?(compressor)
                    continue
                }
                shared.elements[i] = pack(runs[i], layout: layout, compressor: compressor)
            }
        }
        return results.flatMap { $0 }
    }
}
