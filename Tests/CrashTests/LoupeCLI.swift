import Foundation
import Glibc
import LoupeTestSupport

/// The built `loupe` binary (beside the test bundle in the build folder), run to completion or
/// started and killed.
enum LoupeCLI {
    static let binary = BuiltExecutable.path("loupe")

    struct Output {
        var status: Int32
        /// True when the process ended by itself (not by a signal).
        var exited: Bool
        var stdout: String
        var stderr: String
    }

    /// Runs `loupe arguments` and waits for it.
    static func run(_ arguments: [String]) throws -> Output {
        let process = start(arguments, capture: true)
        try process.run()
        let out = (process.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile()
        let err = (process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, exited: process.terminationReason == .exit,
            stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// A `loupe arguments` process, not yet running; output is discarded unless captured.
    static func start(_ arguments: [String], capture: Bool = false) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        for name in ["LOUPE_INDEX", "LOUPE_CONFIG"] { environment.removeValue(forKey: name) }
        process.environment = environment
        process.standardOutput = capture ? Pipe() : FileHandle.nullDevice
        process.standardError = capture ? Pipe() : FileHandle.nullDevice
        return process
    }

    /// How a run that was to be killed ended.
    enum Ending: Equatable {
        case killed
        /// It ended by itself first, with this status and standard error.
        case exited(Int32, String)
    }

    /// Starts `loupe arguments` and kills it with SIGKILL after `delay`, unless it ended first.
    static func runAndKill(_ arguments: [String], after delay: Duration) throws -> Ending {
        let process = start(arguments)
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let deadline = ContinuousClock.now + delay
        while process.isRunning && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.002) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL { return .killed }
        return .exited(process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }
}
