import LoupeCodec
import LoupeStorage
import LoupeTestSupport
import Testing
@testable import LoupeIndex

@Suite struct DocumentBlockPackerTests {
    let layout = PageLayout(pageSize: 4096)

    /// Documents of made-up words (compressing about as well as prose does in small blocks), mostly 100 B-3 KiB, every 40th one
    /// 20-40 KiB, with increasing doc ids that skip now and then (as after compaction they do not).
    func documents(bytes: Int, seed: UInt64) -> [DocumentBlockPacker.Document] {
        var rng = SeededGenerator(seed: seed)
        let words: [String] = (0..<5000).map { (i: Int) -> String in
            let letters: [UInt8] = (0..<(2 + i % 9)).map { _ in UInt8.random(in: 97...122, using: &rng) }
            return String(decoding: letters, as: UTF8.self)
        }
        var out: [DocumentBlockPacker.Document] = []
        var total = 0, doc: UInt32 = 5
        while total < bytes {
            let size = out.count % 40 == 39 ? Int.random(in: 20_000...40_000, using: &rng) : Int.random(in: 100...3000, using: &rng)
            var text = ""
            while text.utf8.count < size {
                // Skewed towards the first words, as word frequencies are.
                let rank = Int.random(in: 0..<words.count, using: &rng) % (1 + Int.random(in: 0..<words.count, using: &rng))
                text += words[rank % 2 == 0 ? rank : Int.random(in: 0..<words.count, using: &rng)] + " "
            }
            out.append((doc, text))
            total += text.utf8.count
            doc += UInt32.random(in: 1...3, using: &rng)
        }
        return out
    }

    func decode(_ blocks: [DocumentBlockPacker.Block]) throws -> [DocumentBlockPacker.Document] {
        var out: [DocumentBlockPacker.Document] = []
        for block in blocks {
            let decoded = try block.value.withUnsafeBytes { try DocumentBlock(decoding: $0) }
            #expect(decoded.lastDoc == block.lastDoc)
            for (i, doc) in decoded.docs.enumerated() { out.append((doc, decoded.text(at: i))) }
        }
        return out
    }

    @Test func blocksHoldEveryTextInOrderAndFillThePagesTheyTake() throws {
        let run = documents(bytes: DocumentBlockPacker.runSize, seed: 1)
        let blocks = DocumentBlockPacker.pack(run, layout: layout, compressor: Zstd.Compressor())
        let back = try decode(blocks)
        #expect(back.map { $0.doc } == run.map { $0.doc })
        #expect(back.map { $0.text } == run.map { $0.text })

        let inline = layout.largestInlineValue(keySize: 4)
        var fill: [Double] = []
        var first = 0
        for (b, block) in blocks.enumerated() {
            let count = try block.value.withUnsafeBytes { try DocumentBlock(decoding: $0) }.docs.count
            if block.value.count > inline {
                // Only a block whose first document alone leaves the leaf may.
                let alone = DocumentBlock.encode(run[first..<first + 1], compressor: Zstd.Compressor())
                #expect(alone.count > inline, "block \(b) of \(count) documents is \(block.value.count) bytes")
            }
            if b < blocks.count - 1 { fill.append(Double(block.value.count) / Double(layout.capacity(forValueSize: block.value.count, keySize: 4))) }
            first += count
        }
        #expect(blocks.count > 10)
        // Against blocks of a fixed 4 KiB of text (format 3), the file holds the texts in far less.
        var fixed: [[DocumentBlockPacker.Document]] = [[]]
        var fixedBytes = 0
        for document in run {
            fixed[fixed.count - 1].append(document)
            fixedBytes += document.text.utf8.count + 4
            if fixedBytes >= 4096 { (fixed, fixedBytes) = (fixed + [[]], 0) }
        }
        let compressor = Zstd.Compressor()
        let fixedCost = fixed.filter { !$0.isEmpty }.reduce(0) { $0 + fileBytes(DocumentBlock.encode($1[...], compressor: compressor).count) }
        let cost = blocks.reduce(0) { $0 + fileBytes($1.value.count) }
        #expect(Double(cost) < 0.8 * Double(fixedCost), "\(cost) bytes of pages against \(fixedCost)")
    }

    /// The bytes of the file a value takes under a 4-byte key: its node in a leaf page (two share
    /// a page at most, as values near the inline limit do), or its overflow pages and a 22-byte node.
    func fileBytes(_ size: Int) -> Int {
        size <= layout.largestInlineValue(keySize: 4) ? size + 14 : layout.overflowPages(valueSize: size) * layout.pageSize + 22
    }

    /// Blocks cut by compressing every prefix: each the longest run of documents whose value fits
    /// in the space its first document's value takes (the leaf, or that many overflow pages).
    func exhaustiveBlocks(_ run: [DocumentBlockPacker.Document]) -> [[UInt8]] {
        let compressor = Zstd.Compressor()
        var blocks: [[UInt8]] = []
        var start = 0
        while start < run.count {
            var value = DocumentBlock.encode(run[start..<start + 1], compressor: compressor), end = start + 1
            let capacity = layout.capacity(forValueSize: value.count, keySize: 4)
            while end < run.count {
                let grown = DocumentBlock.encode(run[start...end], compressor: compressor)
                guard grown.count <= capacity else { break }
                (value, end) = (grown, end + 1)
            }
            blocks.append(value)
            start = end
        }
        return blocks
    }

    @Test func blocksCostAboutOneCompressionAndNearlyTheFileOfTheLongestFit() throws {
        var blocks = 0, compressions = 0, cost = 0, exhaustiveCost = 0
        for seed: UInt64 in 10..<14 {
            let run = documents(bytes: DocumentBlockPacker.runSize, seed: seed)
            let compressor = Zstd.Compressor()
            let packed = DocumentBlockPacker.pack(run, layout: layout, compressor: compressor)
            #expect(try decode(packed).map { $0.text } == run.map { $0.text })
            blocks += packed.count
            compressions += compressor.compressions
            cost += packed.reduce(0) { $0 + fileBytes($1.value.count) }
            exhaustiveCost += exhaustiveBlocks(run).reduce(0) { $0 + fileBytes($1.count) }
        }
        let perBlock = Double(compressions) / Double(blocks)
        #expect(perBlock < 1.35, "\(compressions) compressions for \(blocks) blocks")
        #expect(Double(cost) < 1.03 * Double(exhaustiveCost), "\(cost) bytes of pages against \(exhaustiveCost)")
    }

    @Test func theWorkersPackEachRunAsOneThreadDoes() throws {
        var packer = DocumentBlockPacker()
        var runs: [[DocumentBlockPacker.Document]] = []
        for document in documents(bytes: 5 * DocumentBlockPacker.runSize + 1000, seed: 2) {
            if let run = packer.group(document.doc, document.text) { runs.append(run) }
        }
        if let run = packer.finishGroup() { runs.append(run) }
        #expect(runs.count >= 5)
        for run in runs.dropLast() { #expect(run.reduce(0) { $0 + DocumentBlock.rawSize(of: $1.text) } >= DocumentBlockPacker.runSize) }
        #expect(packer.finishGroup() == nil)
        let compressor = Zstd.Compressor()
        // More threads than runs too (a commit's last round, or a stage's one open run, on a
        // machine with more workers): the packing of a range of runs once ended in an inverted
        // range, a crash, on three or more cores.
        for (count, threads) in [(runs.count, 3), (1, 4), (2, 4), (3, 8), (runs.count, 1)] {
            let some = Array(runs.prefix(count))
            let parallel = DocumentBlockPacker.encode(some, layout: layout, threads: threads)
            let sequential = some.flatMap { DocumentBlockPacker.pack($0, layout: layout, compressor: compressor) }
            #expect(parallel.map { $0.lastDoc } == sequential.map { $0.lastDoc }, "\(count) runs on \(threads) threads")
            #expect(parallel.map { $0.value } == sequential.map { $0.value })
            #expect(try decode(parallel).map { $0.text } == some.flatMap { run in run.map { $0.text } })
        }
    }

    @Test func aSingleSmallDocumentIsABlockOfItsOwn() throws {
        let blocks = DocumentBlockPacker.pack([(42, "just one")], layout: layout, compressor: Zstd.Compressor())
        #expect(blocks.count == 1 && blocks[0].lastDoc == 42)
        #expect(try decode(blocks).map { $0.text } == ["just one"])
    }
}
