import LoupeAnalysis
import LoupeCodec
import LoupeTestSupport
import Testing
@testable import LoupeIndex

/// Flushed runs (``TermRun``) keep the workers' postings streams as they are; read back through a
/// real ``SpillFile`` and ``TermRunMerge``, they encode to the chunks the same postings give from
/// memory, and a damaged run is an error, never a crash.
@Suite struct TermRunTests {
    /// Inverts `groups` groups of documents into `batches` (two workers'), each group split
    /// between them as ``IndexWriter`` splits it (contiguous slices), from batch place
    /// `lengths.count` on; appends the documents' body lengths to `lengths`.
    static func invert(into batches: inout [InvertedBatch], lengths: inout [UInt32], groups: Int, perGroup: Int, seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let analyzer = Analyzer(.preset(.simple))
        for _ in 0..<groups {
            let split = Int.random(in: 0...perGroup, using: &random)
            for i in 0..<perGroup {
                // Skewed words, some repeated within a document, positions past one-byte varints.
                let words = (0..<Int.random(in: 1...300, using: &random)).map { _ in
                    let r = Double.random(in: 0..<1, using: &random)
                    return "w\(Int(r * r * r * 4000))"
                }
                let doc = UInt32(lengths.count)
                lengths.append(batches[i < split ? 0 : 1].invert(words.joined(separator: " "), field: .body, doc: doc, analyzer: analyzer))
            }
        }
    }

    /// Per field, the lengths of the pending documents (here only bodies).
    static func columns(_ body: [UInt32]) -> [[UInt32]] {
        var columns = [[UInt32]](repeating: [], count: IndexField.allCases.count)
        columns[Int(IndexField.body.rawValue)] = body
        return columns
    }

    /// Calls `body` with each term's row of slots in `batches`, in key order.
    static func forEachTerm(_ batches: [InvertedBatch], _ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<InvertedBatch>) -> Void) {
        let slots = TermMerge(batches.map(\.interner)).slotsInKeyOrder()
        let width = batches.count
        batches.withUnsafeBufferPointer { batches in
            slots.withUnsafeBufferPointer { slots in
                for term in 0..<(slots.count / width) {
                    body(UnsafeBufferPointer(rebasing: slots[(term * width)..<((term + 1) * width)]), batches)
                }
            }
        }
    }

    /// The run of `batches`, as a flush writes it.
    static func run(_ batches: [InvertedBatch]) -> [UInt8] {
        var out: [UInt8] = []
        let encoder = TermChunkEncoder()
        forEachTerm(batches) { row, batches in encoder.appendRunEntry(slots: row, batches: batches, to: &out) }
        return out
    }

    static let averages = [100.0, 100, 100]

    @Test func runsReadBackThroughASpillFileEncodeAsTheSameDocumentsFromMemory() throws {
        // Two flushes (the second's documents follow the first's), and the same documents in memory.
        var first = [InvertedBatch(), InvertedBatch()], second = [InvertedBatch(), InvertedBatch()]
        var reference = [InvertedBatch(), InvertedBatch()]
        var lengths: [UInt32] = [], referenceLengths: [UInt32] = []
        Self.invert(into: &first, lengths: &lengths, groups: 5, perGroup: 40, seed: 1)
        Self.invert(into: &second, lengths: &lengths, groups: 3, perGroup: 50, seed: 2)
        Self.invert(into: &reference, lengths: &referenceLengths, groups: 5, perGroup: 40, seed: 1)
        Self.invert(into: &reference, lengths: &referenceLengths, groups: 3, perGroup: 50, seed: 2)
        #expect(lengths == referenceLengths && lengths.count == 350)
        let columns = Self.columns(lengths)

        let dir = TemporaryDirectory("term-run")
        let file = try SpillFile(in: dir.path)
        var regions: [Range<Int>] = []
        for batches in [first, second] {
            let start = file.size
            try file.append(Self.run(batches))
            regions.append(start..<file.size)
        }
        try file.flushBuffer()
        var merge = try TermRunMerge(file, regions: regions)
        defer { merge.close() }
        var round = TermRunMerge.Round()
        var encoder = TermChunkEncoder()
        var encodedFromRuns = EncodedTerms()
        // Small rounds: terms' entries cross the rounds' ends.
        while try merge.next(&round, bytes: 4096) {
            try round.arena.withUnsafeBytes { arena in
                for (key, parts) in round.terms {
                    try encoder.encode(
                        key: UnsafeRawBufferPointer(rebasing: arena[key]), parts: parts.map { UnsafeRawBufferPointer(rebasing: arena[round.parts[$0]]) },
                        base: 10, lengths: columns, averageLengths: Self.averages, into: &encodedFromRuns)
                }
            }
        }
        var encodedFromMemory = EncodedTerms()
        Self.forEachTerm(reference) { row, batches in
            encoder.encode(slots: row, batches: batches, base: 10, lengths: columns, averageLengths: Self.averages, into: &encodedFromMemory)
        }
        let fromRuns = Self.copies(encodedFromRuns), fromMemory = Self.copies(encodedFromMemory)
        #expect(fromRuns.count == fromMemory.count && fromRuns.count > 300)
        #expect(fromRuns.contains { $0.docCount >= 128 })
        for (a, b) in zip(fromRuns, fromMemory) {
            #expect(a.key == b.key && a.docCount == b.docCount && a.totalTermFreq == b.totalTermFreq && a.lastDoc == b.lastDoc)
            #expect(a.postings == b.postings && a.positions == b.positions, "term \(String(decoding: a.key.dropFirst(), as: UTF8.self))")
        }
    }

    /// The postings of each entry of a run (the bytes after its key), as a merge round holds them.
    static func postings(of run: [UInt8]) throws -> [[UInt8]] {
        var out: [[UInt8]] = []
        var at = 0
        while at < run.count {
            let length = Int(run[at]) | Int(run[at + 1]) << 8 | Int(run[at + 2]) << 16 | Int(run[at + 3]) << 24
            let entry = Array(run[(at + 4)..<(at + 4 + length)])
            let start = try entry.withUnsafeBytes { try TermRun.key(of: $0).postings }
            out.append(Array(entry[start...]))
            at += 4 + length
        }
        return out
    }

    /// A term of an ``EncodedTerms``, copied out.
    struct CopiedTerm {
        var key: [UInt8]
        var docCount: UInt32
        var totalTermFreq: UInt64
        var lastDoc: UInt32
        var postings: [UInt8]
        var positions: [UInt8]
    }

    /// The terms of `terms`, in order, copied out.
    static func copies(_ terms: EncodedTerms) -> [CopiedTerm] {
        var out: [CopiedTerm] = []
        terms.forEach { term in
            out.append(CopiedTerm(
                key: Array(term.key), docCount: term.docCount, totalTermFreq: term.totalTermFreq, lastDoc: term.lastDoc,
                postings: Array(term.postings), positions: Array(term.positions)))
        }
        return out
    }

    /// Encodes one term from run entries' postings `entries`.
    static func encode(_ entries: [[UInt8]], _ columns: [[UInt32]]) throws -> CopiedTerm {
        var encoder = TermChunkEncoder()
        let joined = entries.flatMap { $0 }
        var out = EncodedTerms()
        try joined.withUnsafeBytes { bytes in
            var parts: [UnsafeRawBufferPointer] = [], at = 0
            for entry in entries {
                parts.append(UnsafeRawBufferPointer(rebasing: bytes[at..<(at + entry.count)]))
                at += entry.count
            }
            let key: [UInt8] = [IndexField.body.rawValue, 0x61]
            try key.withUnsafeBytes { key in
                try encoder.encode(key: key, parts: parts, base: 0, lengths: columns, averageLengths: Self.averages, into: &out)
            }
        }
        #expect(out.count == 1)
        return Self.copies(out)[0]
    }

    @Test func aDamagedRunIsAnErrorNeverACrash() throws {
        var batches = [InvertedBatch(), InvertedBatch()]
        var lengths: [UInt32] = []
        Self.invert(into: &batches, lengths: &lengths, groups: 4, perGroup: 30, seed: 3)
        let columns = Self.columns(lengths)
        let entries = try Self.postings(of: Self.run(batches))
        // Terms held by one worker and by both, of a few documents and of many.
        let byLength = entries.sorted { $0.count < $1.count }
        let picked = Array(byLength.filter { $0.first == 1 }.prefix(3)) + byLength.filter { $0.first == 2 }.prefix(3)
            + byLength.filter { $0.first == 2 && $0.count > 600 }.prefix(1)
        #expect(picked.count == 7)
        for entry in picked {
            _ = try Self.encode([entry], columns)
            // Cut anywhere: always an error.
            for cut in 0..<entry.count {
                #expect(throws: IndexError.self) { try Self.encode([Array(entry[..<cut])], columns) }
            }
            // Any byte changed: an error or some postings, never a crash or a malformed chunk.
            for i in entry.indices {
                for value: UInt8 in [0, 1, 0x7F, 0x80, 0xFF, entry[i] ^ 0x01] where value != entry[i] {
                    var damaged = entry
                    damaged[i] = value
                    do { _ = try Self.encode([damaged], columns) } catch is IndexError {}
                }
            }
            // The same entry twice: its docs do not grow from one run to the next.
            #expect(throws: IndexError.self) { try Self.encode([entry, entry], columns) }
        }
        // Docs past the pending documents' lengths.
        #expect(throws: IndexError.self) { try Self.encode([picked[0]], Self.columns([1, 2])) }
    }

    @Test func aStreamDecodesToDocsTfsAndPositions() throws {
        // Doc 3 at positions 0, 5, 6; doc 200 at position 130 (a two-byte varint).
        let stream: [UInt8] = [3, 1, 5, 1, 0, 0xC5, 0x01, 0x83, 0x01, 0]
        var out = DecodedPostings()
        try stream.withUnsafeBytes { bytes in
            try [bytes].withUnsafeBufferPointer { try PostingsStreamDecoder.decode($0, into: &out) }
        }
        #expect(out.docs == [3, 200] && out.tfs == [3, 1])
        #expect(out.positionBytes == [0, 5, 1, 0x82, 0x01] && out.positionEnds == [3, 5])
    }
}
