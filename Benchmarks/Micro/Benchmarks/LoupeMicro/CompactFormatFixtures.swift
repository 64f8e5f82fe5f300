import LoupeCodec
import LoupeIndex
import LoupeStorage

/// 1,000 short postings lists, as most terms have them, and their encoded chunks: what the
/// format-4 short layout costs to write and to read. List lengths follow P(n ≥ k) = k^-1.5
/// (about 65 % hold one posting, capped at 127), doc ids up to 350,000, tfs P(tf ≥ t) = t^-2,
/// lengths 30-400.
final class ShortChunkFixture: @unchecked Sendable {
    static let lists = 1_000

    let inputs: [(docs: [UInt32], tfs: [UInt32], lengths: [UInt32])]
    let chunks: [[UInt8]]
    let docs = UnsafeMutablePointer<UInt32>.allocate(capacity: BitPacking.blockSize)
    let tfs = UnsafeMutablePointer<UInt32>.allocate(capacity: BitPacking.blockSize)

    init() {
        var rng = SplitMix64(seed: 0x5_4017)
        var inputs: [(docs: [UInt32], tfs: [UInt32], lengths: [UInt32])] = []
        for _ in 0..<Self.lists {
            let count = rng.pareto(alpha: 1.5, limit: BitPacking.blockSize - 1)
            var doc = UInt32(rng.next() % 300_000)
            var list: (docs: [UInt32], tfs: [UInt32], lengths: [UInt32]) = ([], [], [])
            for _ in 0..<count {
                list.docs.append(doc)
                list.tfs.append(UInt32(rng.pareto(alpha: 2, limit: 200)))
                list.lengths.append(UInt32(30 + rng.next() % 371))
                doc += UInt32(1 + rng.next() % 400)
            }
            inputs.append(list)
        }
        self.inputs = inputs
        chunks = inputs.map { PostingsChunkEncoder.encode(docs: $0.docs, tfs: $0.tfs, lengths: $0.lengths, averageLength: 215) }
        // The benchmark is only worth something if the decode gives back what was encoded.
        for (input, chunk) in zip(inputs, chunks) {
            chunk.withUnsafeBytes { raw in
                let view = PostingsChunk(raw)!
                let n = view.decode(block: 0, docs: docs, tfs: tfs)
                precondition(n == input.docs.count && (0..<n).allSatisfy { docs[$0] == input.docs[$0] && tfs[$0] == input.tfs[$0] })
            }
        }
    }

    /// Encodes every list; returns the bytes written.
    @inline(never)
    func encodeAll() -> Int {
        inputs.reduce(0) { $0 + PostingsChunkEncoder.encode(docs: $1.docs, tfs: $1.tfs, lengths: $1.lengths, averageLength: 215).count }
    }

    /// Opens and decodes every chunk (doc ids, tfs and impacts); returns a checksum.
    @inline(never)
    func decodeAll() -> UInt32 {
        var checksum: UInt32 = 0
        for chunk in chunks {
            chunk.withUnsafeBytes { raw in
                let view = PostingsChunk(raw)!
                let n = view.decode(block: 0, docs: docs, tfs: tfs)
                checksum &+= docs[n - 1] &+ tfs[n - 1] &+ view.impacts(ofBlock: 0).tf2
            }
        }
        return checksum
    }
}

/// 1 MiB of text cut into runs (``DocumentBlockPacker/runSize``, 128 KiB each) for the page-sized
/// document-block packer: texts of the search fixture's Zipf words, 40-2,000 words each
/// (P(words ≥ w) ∝ w^-1.2), as a commit hands its workers.
final class PackingFixture: @unchecked Sendable {
    static let textBytes = 1 << 20
    let runs: [[DocumentBlockPacker.Document]]
    let layout = PageLayout(pageSize: 4096)
    let compressor = Zstd.Compressor()

    init() {
        var rng = SplitMix64(seed: 0xB_10C5)
        let zipf = ZipfSampler(n: SearchFixture.vocabulary, s: 1)
        let words = (1...SearchFixture.vocabulary).map(SearchFixture.word)
        var packer = DocumentBlockPacker()
        var doc: UInt32 = 0
        var runs: [[DocumentBlockPacker.Document]] = []
        while runs.count < Self.textBytes / DocumentBlockPacker.runSize {
            var text = ""
            for w in 0..<(40 * rng.pareto(alpha: 1.2, limit: 50)) {
                if w > 0 { text += " " }
                text += words[zipf.sample(&rng)]
            }
            if let run = packer.group(doc, text) { runs.append(run) }
            doc += 1
        }
        self.runs = runs
        precondition(pack().blocks > runs.count)
    }

    /// What packing the runs cost and gave.
    struct Outcome {
        var blocks = 0, compressions = 0, valueBytes = 0
    }

    /// Packs every run with one compression context, as one worker does.
    @inline(never)
    func pack() -> Outcome {
        var outcome = Outcome()
        let before = compressor.compressions
        for run in runs {
            let blocks = DocumentBlockPacker.pack(run, layout: layout, compressor: compressor)
            outcome.blocks += blocks.count
            outcome.valueBytes += blocks.reduce(0) { $0 + $1.value.count }
        }
        outcome.compressions = compressor.compressions - before
        return outcome
    }
}

let shortChunkFixture = ShortChunkFixture()
let packingFixture = PackingFixture()
