import Foundation
import LoupeTestSupport

/// Runs the built `loupe` binary (it sits beside the test bundle in the build folder).
struct LoupeProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binary = BuiltExecutable.path("loupe")

    /// Runs `loupe` (or `executable`, given `loupe`'s environment) with `arguments` and waits for it.
    static func run(_ arguments: [String], environment: [String: String] = [:], executable: String = binary) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        // Only the test's own LOUPE_ variables (every option of loupe.toml has one) and no user file.
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("LOUPE_") }
        env["HOME"] = "/nonexistent"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}

extension LoupeProcess {
    /// Runs `loupe` with `arguments` under GNU time (`/usr/bin/time`, the `time` package) and
    /// returns its peak resident set size in bytes, with the run's output. GNU time forks itself,
    /// a small process, before it runs `loupe`: the figure is that process's own peak. (`wait4`
    /// on a child this test process spawned would report at least this process's memory, which
    /// the child's address space starts as.)
    static func peakMemory(_ arguments: [String]) throws -> (output: Output, bytes: Int) {
        let run = try Self.run(["-f", "peak-rss-kb %M", binary] + arguments, executable: "/usr/bin/time")
        let line = run.stderr.split(separator: "\n").last { $0.hasPrefix("peak-rss-kb ") }
        guard let kilobytes = line.flatMap({ Int($0.dropFirst("peak-rss-kb ".count)) }) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no peak from /usr/bin/time: \(run.stderr)"])
        }
        return (run, kilobytes * 1024)
    }
}
