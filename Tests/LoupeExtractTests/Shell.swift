import Foundation

/// Runs `command` with `/bin/sh -c` in `directory`, and fails the test when it exits non-zero.
/// The tests build their compressed and encrypted fixtures with the real command-line tools.
func shell(_ command: String, in directory: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw ShellFailure(command: command, status: process.terminationStatus)
    }
}

struct ShellFailure: Error, CustomStringConvertible {
    var command: String
    var status: Int32
    var description: String { "`\(command)` exited with \(status)" }
}
