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

    /// Runs `loupe` with `arguments` and waits for it.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
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
