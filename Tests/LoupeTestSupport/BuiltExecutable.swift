import Foundation

/// The project's executables as the build left them, for tests that drive them end to end.
public enum BuiltExecutable {
    /// The path of the built executable `name` (`loupe`, `louped`): it sits beside the test bundle
    /// in the build folder, or one folder up. Stops the test run when it is not there.
    public static func path(_ name: String) -> String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [beside, beside.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        fatalError("the \(name) executable was not built next to the tests (\(beside.path))")
    }
}
