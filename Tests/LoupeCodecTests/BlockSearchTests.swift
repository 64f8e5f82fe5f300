import LoupeTestSupport
import Testing
@testable import LoupeCodec

/// The in-block search of an intersection's advance against a linear scan.
@Suite struct BlockSearchTests {
    @Test(arguments: [UInt64(1), 2, 3, 4])
    func firstIndexEqualsLinearScan(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let docs = UnsafeMutablePointer<UInt32>.allocate(capacity: BitPacking.blockSize + BlockSearch.padding)
        defer { docs.deallocate() }
        for _ in 0..<400 {
            let count = Int.random(in: 1...BitPacking.blockSize, using: &rng)
            // Dense runs (gaps of 1-3) and sparse ones, up to doc ids near the sentinel.
            var doc = Bool.random(using: &rng) ? UInt32.random(in: 0...10, using: &rng) : UInt32.max - 70_000
            let dense = Bool.random(using: &rng)
            for i in 0..<count {
                docs[i] = doc
                doc += UInt32.random(in: 1...(dense || Bool.random(using: &rng) ? 3 : 500), using: &rng)
            }
            (docs + count).update(repeating: BlockSearch.sentinel, count: BlockSearch.padding)
            let start = Int.random(in: 0..<count, using: &rng)
            let targets = [
                0, docs[start], docs[count - 1], docs[start] &+ 1, docs[min(start + 7, count - 1)], docs[min(start + 8, count - 1)],
                docs[min(start + 9, count - 1)] &- 1, UInt32.random(in: docs[start]...docs[count - 1], using: &rng),
            ]
            for target in targets where target <= docs[count - 1] {
                var linear = start
                while docs[linear] < target { linear += 1 }
                #expect(BlockSearch.firstIndex(in: docs, from: start, below: count, reaching: target) == linear,
                        "count \(count) start \(start) target \(target)")
            }
        }
    }

    @Test func countsEightValuesBelowATarget() {
        let values: [UInt32] = [1, 3, 5, 7, 9, 11, 13, UInt32.max]
        values.withUnsafeBufferPointer { p in
            #expect(BlockSearch.countBelow(p.baseAddress!, 0) == 0)
            #expect(BlockSearch.countBelow(p.baseAddress!, 1) == 0)
            #expect(BlockSearch.countBelow(p.baseAddress!, 6) == 3)
            #expect(BlockSearch.countBelow(p.baseAddress!, 13) == 6)
            #expect(BlockSearch.countBelow(p.baseAddress!, UInt32.max) == 7)
        }
    }
}
