import Foundation
import Testing

/// `Benchmarks/compare/run` sets Loupe's percentiles (from `loupe bench`) beside the peers' (from
/// `Benchmarks/compare/peers/benchlib.py`): both must take them by nearest rank, the value at rank
/// ⌈p/100 · n⌉ of the ascending samples, or the table compares two different statistics.
@Suite struct BenchPercentileTests {
    /// `benchlib.percentile(values, p)` for each `p`, computed by the peers' own Python code.
    static func benchlibPercentiles(_ values: [Double], _ ps: [Double]) throws -> [Double] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let script = """
            import sys
            sys.path.insert(0, sys.argv[1])
            import benchlib
            values = [float(v) for v in sys.argv[2].split(",")]
            print(",".join(repr(benchlib.percentile(values, float(p))) for p in sys.argv[3].split(",")))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, root.path + "/Benchmarks/compare/peers",
                             values.map { String($0) }.joined(separator: ","), ps.map { String($0) }.joined(separator: ",")]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").compactMap { Double($0) }
    }

    /// Nearest rank, as `loupe bench`'s `LatencyReport` takes it.
    static func nearestRank(_ sorted: [Double], _ p: Double) -> Double {
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    @Test func thePeersTakePercentilesByNearestRankAsLoupeBenchDoes() throws {
        let ps: [Double] = [50, 95, 99]
        for count in [1, 2, 7, 100, 213, 455] {
            // Unevenly spaced, so that interpolating between ranks would give other values.
            let values = (1...count).map { Double($0 * $0) }
            let peers = try Self.benchlibPercentiles(values, ps)
            #expect(peers == ps.map { Self.nearestRank(values, $0) }, "\(count) samples")
        }
        // 455 samples (the and set): the p99 is the 5th slowest.
        let values = (1...455).map { Double($0) }
        #expect(try Self.benchlibPercentiles(values, [99]) == [451])
    }
}
