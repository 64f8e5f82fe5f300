/// Two (tf, length) pairs that dominate every posting of a block: for each posting some pair has
/// a tf at least as large and a length at least as small. Any score that grows with tf and
/// shrinks with length (BM25 for every k1, b and average length) is therefore bounded by the
/// larger of the pairs' scores.
public struct Impacts: Equatable, Sendable {
    public var tf1: UInt32, length1: UInt32
    public var tf2: UInt32, length2: UInt32

    @inlinable
    public init(tf1: UInt32, length1: UInt32, tf2: UInt32, length2: UInt32) {
        self.tf1 = tf1
        self.length1 = length1
        self.tf2 = tf2
        self.length2 = length2
    }

    /// True when some pair dominates (`tf`, `length`).
    public func dominates(tf: UInt32, length: UInt32) -> Bool {
        (tf <= tf1 && length >= length1) || (tf <= tf2 && length >= length2)
    }

    /// The tightest two-corner cover of `postings` (tf, length) for BM25 with the given
    /// parameters: the Pareto frontier (highest tf for each length) is split in two runs, and
    /// each run is replaced by its corner (its largest tf with its smallest length). The split
    /// minimizes the larger corner's score; the result dominates every posting whatever the
    /// parameters, only its tightness depends on them. `scratch` is reused between calls.
    public static func cover(
        tfs: UnsafeBufferPointer<UInt32>, lengths: UnsafeBufferPointer<UInt32>, k1: Double = 1.2, b: Double = 0.75,
        averageLength: Double, scratch: inout [UInt64]
    ) -> Impacts {
        guard !tfs.isEmpty else { return Impacts(tf1: 0, length1: .max, tf2: 0, length2: .max) }
        var maxTf: UInt32 = 0, minLength = UInt32.max
        for i in 0..<tfs.count {
            maxTf = max(maxTf, tfs[i])
            minLength = min(minLength, lengths[i])
        }
        // The frontier starts at the shortest length with its largest tf, `shortestTf`.
        var shortestTf: UInt32 = 0
        for i in 0..<tfs.count where lengths[i] == minLength { shortestTf = max(shortestTf, tfs[i]) }
        // Fast path: one posting has both the largest tf and the smallest length.
        if shortestTf == maxTf { return Impacts(tf1: maxTf, length1: minLength, tf2: maxTf, length2: minLength) }
        // Frontier: by length ascending (ties: larger tf first), keep tfs that beat all shorter
        // ones. A posting whose tf is at most `shortestTf` never does, so only the others are
        // sorted (most tfs of a block are 1 or 2).
        scratch.removeAll(keepingCapacity: true)
        scratch.reserveCapacity(tfs.count)
        scratch.append(UInt64(minLength) << 32 | UInt64(~shortestTf))
        for i in 0..<tfs.count where tfs[i] > shortestTf { scratch.append(UInt64(lengths[i]) << 32 | UInt64(~tfs[i])) }
        scratch.sort()
        var frontierCount = 0
        var best: UInt32 = 0
        for packed in scratch {
            let tf = ~UInt32(truncatingIfNeeded: packed)
            if tf > best {
                best = tf
                scratch[frontierCount] = packed
                frontierCount += 1
            }
        }
        func tf(_ i: Int) -> UInt32 { ~UInt32(truncatingIfNeeded: scratch[i]) }
        func length(_ i: Int) -> UInt32 { UInt32(truncatingIfNeeded: scratch[i] >> 32) }
        let last = frontierCount - 1
        if frontierCount <= 2 { return Impacts(tf1: tf(0), length1: length(0), tf2: tf(last), length2: length(last)) }
        let average = max(averageLength, 1)
        func score(_ t: UInt32, _ l: UInt32) -> Double {
            let f = Double(t)
            return f / (f + k1 * (1 - b + b * Double(l) / average))
        }
        // Split after index m: corners (tf[m], length[0]) and (tf[last], length[m + 1]).
        var split = (cost: Double.infinity, m: 0)
        for m in 0..<last {
            let cost = max(score(tf(m), length(0)), score(tf(last), length(m + 1)))
            if cost < split.cost { split = (cost, m) }
        }
        return Impacts(tf1: tf(split.m), length1: length(0), tf2: tf(last), length2: length(split.m + 1))
    }
}
