import Foundation

/// SplitMix64: a small, fast, seeded generator, so every run benchmarks the same data.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in (0, 1].
    mutating func unit() -> Double { Double((next() >> 11) + 1) / Double(1 << 53) }

    /// A Pareto-distributed integer ≥ 1 with P(X ≥ x) = x^-alpha, capped at `limit`.
    mutating func pareto(alpha: Double, limit: Int) -> Int { min(limit, Int(pow(unit(), -1 / alpha))) }
}

/// Samples ranks 0..<n with probability proportional to 1 / (rank + 1)^s.
struct ZipfSampler {
    private let cumulative: [Double]

    init(n: Int, s: Double) {
        var total = 0.0
        var cumulative = [Double](repeating: 0, count: n)
        for rank in 0..<n {
            total += 1 / pow(Double(rank + 1), s)
            cumulative[rank] = total
        }
        self.cumulative = cumulative.map { $0 / total }
    }

    /// The probability of `rank`.
    func probability(_ rank: Int) -> Double { cumulative[rank] - (rank == 0 ? 0 : cumulative[rank - 1]) }

    func sample(_ rng: inout SplitMix64) -> Int {
        let u = rng.unit()
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] < u { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
