import Foundation

/// A fresh directory under the system's temporary directory, removed when the value is
/// deinitialized. Tests build their fixtures in one.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("loupe-extract-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit {
        // Restore permissions that a test took away, so that everything can be removed.
        if let paths = FileManager.default.enumerator(atPath: path) {
            for case let relative as String in paths {
                chmod(path + "/" + relative, 0o755)
            }
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `contents` to the file at `relative`, creating directories on the way, and
    /// returns its absolute path.
    @discardableResult
    func write(_ relative: String, _ contents: String) throws -> String {
        try write(relative, bytes: Array(contents.utf8))
    }

    /// Writes `bytes` to the file at `relative`, creating directories on the way, and
    /// returns its absolute path.
    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let file = path + "/" + relative
        let directory = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Creates the directory `relative` (and its parents) and returns its absolute path.
    @discardableResult
    func makeDirectory(_ relative: String) throws -> String {
        let directory = path + "/" + relative
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Creates a symbolic link at `relative` whose content is `destination`.
    func link(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path + "/" + relative, withDestinationPath: destination)
    }
}
