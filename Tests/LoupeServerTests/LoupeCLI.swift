import Foundation
import LoupeTestSupport

/// The built `loupe` (beside the test bundle), run as a user runs it.
enum CLI {
    /// Runs `loupe` with `arguments` (no `LOUPE*` variables but those of `environment`) and
    /// returns its exit status, output and errors.
    static func loupe(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuiltExecutable.path("loupe"))
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("LOUPE") }
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// The output with its timings (`(123 µs)`, `"took_us":123`) blanked.
    static func untimed(_ text: String) -> String {
        text.replacingOccurrences(of: #"\(\d+ µs\)"#, with: "(T µs)", options: .regularExpression)
            .replacingOccurrences(of: #""took_us":\d+"#, with: #""took_us":T"#, options: .regularExpression)
    }
}
