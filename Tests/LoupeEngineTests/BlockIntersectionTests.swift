import LoupeCodec
import LoupeIndex
import LoupeTestSupport
import Testing
@testable import LoupeEngine

/// The block-at-a-time intersection step (`TermPostings.retain`, which `BlockMaxConjunctionRunner`
/// runs for every follower) against a plain reference: set membership over random sorted lists of
/// varied densities, spread over chunks of full and short blocks, with candidates on block edges.
@Suite struct BlockIntersectionTests {
    /// Postings over `docs`, split into chunks at `cuts`; tf of doc d is d % 7 + 1.
    final class Fixture {
        let storage: [UnsafeMutableRawBufferPointer]
        let postings: TermPostings

        init(docs: [UInt32], cuts: [Int]) {
            var bounds = [0] + cuts.filter { $0 > 0 && $0 < docs.count }.sorted() + [docs.count]
            bounds = bounds.reduce(into: []) { if $0.last != $1 { $0.append($1) } }
            var chunks: [PostingsChunk] = []
            var storage: [UnsafeMutableRawBufferPointer] = []
            for (from, to) in zip(bounds, bounds.dropFirst()) {
                let part = Array(docs[from..<to])
                let bytes = PostingsChunkEncoder.encode(
                    docs: part, tfs: part.map { $0 % 7 + 1 }, lengths: part.map { $0 % 50 + 1 })
                let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 8)
                buffer.copyBytes(from: bytes)
                storage.append(buffer)
                chunks.append(PostingsChunk(UnsafeRawBufferPointer(buffer))!)
            }
            self.storage = storage
            postings = TermPostings(
                chunks: chunks, info: TermInfo(termId: 0, docFreq: UInt32(docs.count), totalTermFreq: 0))
        }

        deinit { for buffer in storage { buffer.deallocate() } }
    }

    /// `count` distinct sorted doc ids below `universe`, some runs dense, some sparse.
    static func sortedDocs(_ count: Int, below universe: UInt32, _ rng: inout SeededGenerator) -> [UInt32] {
        var set = Set<UInt32>()
        while set.count < count {
            if Bool.random(using: &rng) {
                // A dense run, so that consecutive doc ids share blocks.
                let start = UInt32.random(in: 0..<universe, using: &rng)
                for d in start..<min(universe, start + UInt32.random(in: 1...300, using: &rng)) where set.count < count {
                    set.insert(d)
                }
            } else {
                set.insert(UInt32.random(in: 0..<universe, using: &rng))
            }
        }
        return set.sorted()
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func retainKeepsExactlyTheSharedDocuments(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<60 {
            let universe = UInt32.random(in: 200...40_000, using: &rng)
            let density = [0.002, 0.02, 0.2, 0.6, 0.95].randomElement(using: &rng)!
            let count = max(1, min(Int(universe) - 1, Int(Double(universe) * density)))
            let docs = Self.sortedDocs(count, below: universe, &rng)
            // Chunk cuts on and off block edges (128), and short chunks.
            let cuts = (0..<Int.random(in: 0...4, using: &rng)).map { _ in
                Bool.random(using: &rng) ? 128 * Int.random(in: 1...8, using: &rng) : Int.random(in: 1..<max(2, docs.count), using: &rng)
            }
            let fixture = Fixture(docs: docs, cuts: cuts)
            let members = Set(docs)
            let postings = fixture.postings
            // The candidate stream: windows of up to 128 increasing ids, as a lead lists them,
            // mixing the follower's own ids (block edges included) and others.
            var pool = Set(Self.sortedDocs(Int.random(in: 1...min(2000, Int(universe)), using: &rng), below: universe, &rng))
            for edge in stride(from: 127, to: docs.count, by: 128) where Bool.random(using: &rng) {
                pool.insert(docs[edge])
                if edge + 1 < docs.count { pool.insert(docs[edge + 1]) }
            }
            pool.insert(docs.last!)
            if Bool.random(using: &rng) { pool.insert(universe + 5) }  // past the end
            let stream = pool.sorted()
            var position = 0
            var candidates = [UInt32](repeating: 0, count: 128)
            var selected = [Int32](repeating: 0, count: 128)
            while position < stream.count {
                let n = min(stream.count - position, Int.random(in: 1...128, using: &rng))
                for j in 0..<n { candidates[j] = stream[position + j] }
                // Only some of the window is still selected, as after earlier followers.
                var picked: [Int32] = (0..<n).filter { _ in Double.random(in: 0..<1, using: &rng) < 0.7 }.map { Int32($0) }
                if picked.isEmpty { picked = [Int32(n - 1)] }
                for (j, index) in picked.enumerated() { selected[j] = index }
                var tfs: [Int: UInt32] = [:]
                let kept = candidates.withUnsafeBufferPointer { c in
                    selected.withUnsafeMutableBufferPointer { s in
                        postings.retain(of: c.baseAddress!, s.baseAddress!, count: picked.count) { index in
                            #expect(postings.doc == c[index])
                            tfs[index] = postings.tf
                        }
                    }
                }
                let expected = picked.filter { members.contains(candidates[Int($0)]) }
                #expect(Array(selected[0..<kept]) == expected, "seed \(seed) universe \(universe) density \(density)")
                for index in expected { #expect(tfs[Int(index)] == candidates[Int(index)] % 7 + 1) }
                // The postings stand on the first of their docs at or past the last asked-about one.
                if let asked = picked.last.map({ candidates[Int($0)] }) {
                    #expect(postings.doc == (docs.first { $0 >= asked } ?? terminatedDoc))
                }
                position += n
            }
        }
    }

    /// The lead's side: `copyDecoded` lists the decoded block's doc ids from the current one through
    /// a bound (at most a capacity, none past the block), and `frequenciesFromCursor` gives their
    /// term frequencies at the same offsets, across full and tail blocks and chunk edges.
    @Test(arguments: [UInt64(5), 6, 7])
    func leadListsItsBlockThroughABoundWithItsFrequencies(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<40 {
            let universe = UInt32.random(in: 200...40_000, using: &rng)
            let density = [0.01, 0.2, 0.9].randomElement(using: &rng)!
            let docs = Self.sortedDocs(max(1, min(Int(universe) - 1, Int(Double(universe) * density))), below: universe, &rng)
            let cuts = (0..<Int.random(in: 0...3, using: &rng)).map { _ in 128 * Int.random(in: 1...4, using: &rng) + Int.random(in: -1...1, using: &rng) }
            let fixture = Fixture(docs: docs, cuts: cuts)
            let postings = fixture.postings
            var out = [UInt32](repeating: 0, count: 128)
            var listed: [UInt32] = []
            while postings.doc != terminatedDoc {
                let current = postings.doc
                let capacity = Int.random(in: 1...128, using: &rng)
                // A bound before the current doc, on a doc, between docs or past the end.
                let end: UInt32 = [current &- 1, current, current &+ UInt32.random(in: 0...3000, using: &rng), UInt32.max]
                    .randomElement(using: &rng)!
                let n = out.withUnsafeMutableBufferPointer { postings.copyDecoded(through: end, into: $0.baseAddress!, capacity: capacity) }
                let from = docs.firstIndex(of: current)!
                // Never past the decoded block: the block ends where the next one starts.
                let expected = Array(docs[from...].prefix { $0 <= end }.prefix(capacity))
                #expect(n <= expected.count && (n == expected.count || n > 0))
                #expect(Array(out[0..<n]) == Array(expected.prefix(n)), "seed \(seed) end \(end) capacity \(capacity)")
                if end >= current { #expect(n >= 1) } else { #expect(n == 0) }
                let tfs = postings.frequenciesFromCursor
                for i in 0..<n { #expect(tfs[i] == out[i] % 7 + 1) }
                listed += out[0..<n]
                // Go on from the last listed doc, as the conjunction does.
                let next = n > 0 ? out[n - 1] &+ 1 : current &+ 1
                if next == 0 { break }
                postings.advance(to: next)
            }
            #expect(Set(listed).isSubset(of: Set(docs)))
            #expect(listed == listed.sorted())
        }
    }
}
