import LoupeTestSupport
import Testing
@testable import LoupeCodec

@Suite struct ImpactsTests {
    func bm25(_ tf: UInt32, _ length: UInt32, k1: Double, b: Double, average: Double) -> Double {
        Double(tf) / (Double(tf) + k1 * (1 - b + b * Double(length) / average))
    }

    @Test func coversBoundEveryPostingForAnyParameters() {
        var rng = SeededGenerator(seed: 9)
        var scratch: [UInt64] = []
        for _ in 0..<200 {
            let n = Int.random(in: 1...128, using: &rng)
            let tfs = (0..<n).map { _ in UInt32.random(in: 1...20, using: &rng) }
            let lengths = (0..<n).map { _ in UInt32.random(in: 1...500, using: &rng) }
            let impacts = tfs.withUnsafeBufferPointer { t in
                lengths.withUnsafeBufferPointer { Impacts.cover(tfs: t, lengths: $0, averageLength: 100, scratch: &scratch) }
            }
            for (k1, b, average) in [(1.2, 0.75, 100.0), (0.5, 0.1, 7.0), (3.0, 1.0, 900.0), (1.2, 0, 1)] {
                let bound = max(
                    bm25(impacts.tf1, impacts.length1, k1: k1, b: b, average: average),
                    bm25(impacts.tf2, impacts.length2, k1: k1, b: b, average: average))
                for i in 0..<n {
                    #expect(impacts.dominates(tf: tfs[i], length: lengths[i]))
                    #expect(bm25(tfs[i], lengths[i], k1: k1, b: b, average: average) <= bound + 1e-12)
                }
            }
        }
    }

    /// The cover is that of the postings no other one dominates (found here pair by pair): those
    /// it skips, most of a block's, change nothing.
    @Test func theCoverIsThatOfTheUndominatedPostings() {
        var rng = SeededGenerator(seed: 11)
        var scratch: [UInt64] = []
        for _ in 0..<300 {
            let n = Int.random(in: 1...128, using: &rng)
            let tfs = (0..<n).map { _ in UInt32.random(in: 1...4, using: &rng) * UInt32.random(in: 1...3, using: &rng) }
            let lengths = (0..<n).map { _ in UInt32.random(in: 1...300, using: &rng) }
            var frontier: [(tf: UInt32, length: UInt32)] = []
            for i in 0..<n {
                let dominated = (0..<n).contains { j in
                    tfs[j] >= tfs[i] && lengths[j] <= lengths[i] && (tfs[j] > tfs[i] || lengths[j] < lengths[i])
                }
                if !dominated && !frontier.contains(where: { $0 == (tfs[i], lengths[i]) }) { frontier.append((tfs[i], lengths[i])) }
            }
            let all = tfs.withUnsafeBufferPointer { t in
                lengths.withUnsafeBufferPointer { Impacts.cover(tfs: t, lengths: $0, averageLength: 80, scratch: &scratch) }
            }
            let undominated = frontier.map(\.tf).withUnsafeBufferPointer { t in
                frontier.map(\.length).withUnsafeBufferPointer { Impacts.cover(tfs: t, lengths: $0, averageLength: 80, scratch: &scratch) }
            }
            #expect(all == undominated)
        }
    }

    @Test func aSingleFrontierPointIsExact() {
        var scratch: [UInt64] = []
        let impacts = [UInt32(3), 1, 2].withUnsafeBufferPointer { t in
            [UInt32(10), 40, 30].withUnsafeBufferPointer { Impacts.cover(tfs: t, lengths: $0, averageLength: 20, scratch: &scratch) }
        }
        #expect(impacts == Impacts(tf1: 3, length1: 10, tf2: 3, length2: 10))
    }
}
