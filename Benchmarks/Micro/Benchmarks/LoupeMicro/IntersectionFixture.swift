import LoupeCodec
import LoupeEngine
import LoupeIndex

/// Two terms' postings over 350,000 documents, as in "webster with adv" on the bench corpus: a lead
/// of about 3 % of the documents and a follower six times as dense, each in chunks of the real
/// encoder. A pass takes the lead 128 doc ids at a time (a decoded block) and keeps those the
/// follower holds (`TermPostings.retain`), scoring nothing. Nothing here is freed.
final class IntersectionFixture: @unchecked Sendable {
    static let documents: UInt32 = 350_000
    let lead: [UInt32]
    let followerChunks: [PostingsChunk]
    /// The intersection's size, checked against a plain merge.
    let matches: Int

    init() {
        var rng = SplitMix64(seed: 0x1A7E5)
        func docs(_ density: Double) -> [UInt32] {
            (0..<Self.documents).filter { _ in rng.unit() <= density }
        }
        lead = docs(0.03)
        let follower = docs(0.18)
        func chunks(_ docs: [UInt32]) -> [PostingsChunk] {
            stride(from: 0, to: docs.count, by: 32_768).map { start in
                let part = Array(docs[start..<min(docs.count, start + 32_768)])
                let encoded = PostingsChunkEncoder.encode(docs: part, tfs: part.map { $0 % 3 + 1 }, lengths: part.map { $0 % 300 + 10 })
                let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: encoded.count, alignment: 16)
                encoded.withUnsafeBytes { bytes.copyMemory(from: $0) }
                return PostingsChunk(UnsafeRawBufferPointer(bytes))!
            }
        }
        followerChunks = chunks(follower)
        matches = Set(lead).intersection(follower).count
        precondition(intersect() == matches, "retain differs from a plain intersection")
        precondition(advanceEach() == matches, "advance(to:) differs from a plain intersection")
    }

    private func follower() -> TermPostings {
        TermPostings(chunks: followerChunks, info: TermInfo(termId: 0, docFreq: 0, totalTermFreq: 0), frequencies: false)
    }

    /// The same pass posting by posting: one ``TermPostings/advance(to:)`` per lead doc id.
    @inline(never)
    func advanceEach() -> Int {
        let follower = follower()
        var found = 0
        for doc in lead where follower.advance(to: doc) == doc { found += 1 }
        return found
    }

    /// One pass over the lead; returns the number of matches.
    @inline(never)
    func intersect() -> Int {
        let follower = follower()
        var found = 0
        lead.withUnsafeBufferPointer { lead in
            var selected = [Int32](repeating: 0, count: 128)
            selected.withUnsafeMutableBufferPointer { selected in
                var start = 0
                while start < lead.count {
                    let n = min(128, lead.count - start)
                    for j in 0..<n { selected[j] = Int32(j) }
                    found += follower.retain(of: lead.baseAddress! + start, selected.baseAddress!, count: n) { _ in }
                    start += n
                }
            }
        }
        return found
    }
}

/// Built on first use.
let intersectionFixture = IntersectionFixture()
