import Foundation
import LoupeTestSupport
import Testing

/// `loupe watch` as a user runs it: a line per committed batch, searches that see the changes,
/// and a clean exit on SIGINT.
@Suite struct WatchCommandTests {
    /// Collects a running process's standard output.
    final class Output: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ data: Data) { lock.withLock { text += String(decoding: data, as: UTF8.self) } }
        var lines: [String] { lock.withLock { text.split(separator: "\n").map(String.init) } }

        /// Waits (10 s at most) for a line that contains every one of `parts`.
        func waitForLine(containing parts: String...) throws -> String {
            let deadline = ContinuousClock.now + .seconds(10)
            while ContinuousClock.now < deadline {
                if let line = lines.first(where: { line in parts.allSatisfy { line.contains($0) } }) { return line }
                Thread.sleep(forTimeInterval: 0.01)
            }
            throw WatchTimeout("no line with \(parts) in 10 s; output so far: \(lines)")
        }
    }

    struct WatchTimeout: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    @Test func watchPrintsABatchPerChangeAndStopsOnSIGINT() throws {
        let dir = TemporaryDirectory("watch-cli")
        let docs = dir.path + "/docs"
        try dir.write("docs/alpha.txt", "alpha words")
        let index = dir.path + "/index"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LoupeProcess.binary)
        process.arguments = ["watch", docs, "--index", index, "--analyzer", "simple"]
        let pipe = Pipe()
        let output = Output()
        pipe.fileHandleForReading.readabilityHandler = { output.append($0.availableData) }
        process.standardOutput = pipe
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        _ = try output.waitForLine(containing: "scan: added 1,")
        try dir.write("docs/bravo.txt", "bravo words")
        _ = try output.waitForLine(containing: "batch of", "added 1,", "latency")
        let search = try LoupeProcess.run(["search", "bravo", "--index", index, "--json"])
        #expect(search.status == 0)
        #expect(search.stdout.contains("\"bravo.txt\""))

        try FileManager.default.removeItem(atPath: docs + "/alpha.txt")
        _ = try output.waitForLine(containing: "removed 1,")
        #expect(try LoupeProcess.run(["search", "alpha", "--index", index, "--json"]).stdout.hasPrefix("{\"total\":0,"))

        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        _ = try output.waitForLine(containing: "stopped")
    }
}
