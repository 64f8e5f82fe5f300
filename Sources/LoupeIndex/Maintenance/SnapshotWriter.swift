import Foundation
import Glibc
import LoupeStorage

/// A snapshot written by ``SnapshotWriter``: where, which commit, how big.
public struct SnapshotSummary: Sendable {
    /// The snapshot's directory.
    public var path: String
    /// The commit number it holds (``IndexReader/commit``).
    public var commit: UInt64
    /// Bytes of its `data.mdb`.
    public var bytes: Int
    /// Seconds the copy took, syncing included.
    public var seconds: Double
}

/// Writes consistent, compacted copies of a live index (`mdb_env_copy2` with `MDB_CP_COMPACT`):
/// the copy reads one commit in a read transaction of its own, so writers (in this process or
/// others, such as a running `louped`) keep committing meanwhile.
///
/// The destination appears complete or not at all: the copy is written into a hidden temporary
/// directory beside it (`.NAME.partial-XXXXXX`, same file system), synced, checked to open as an
/// index, then renamed into place, and the parent directory synced. A failed copy leaves nothing.
public enum SnapshotWriter {
    /// Copies `index` to the new directory `destination`.
    /// - Throws: ``SnapshotError`` when `destination` exists or its parent is missing; storage
    ///   errors (a full disk) with the temporary directory removed.
    public static func write(_ index: Index, to destination: String) throws -> SnapshotSummary {
        let started = DispatchTime.now().uptimeNanoseconds
        let url = URL(fileURLWithPath: destination).standardizedFileURL
        let name = url.lastPathComponent, parent = url.deletingLastPathComponent().path
        guard !FileManager.default.fileExists(atPath: url.path) else { throw SnapshotError("\(destination) already exists") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SnapshotError("\(parent) is not a directory")
        }
        var template = Array("\(parent)/.\(name).partial-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw SnapshotError("cannot create a temporary directory in \(parent): \(String(cString: strerror(errno)))")
        }
        let temporary = String(cString: made)
        chmod(temporary, 0o755)  // mkdtemp makes it private; a snapshot is for others to read
        do {
            try index.environment.copyCompacted(to: temporary)
            try Environment.syncFiles(in: temporary)
            let commit = try Index.openReadOnly(at: temporary).reader().commit
            let bytes = try FileManager.default.attributesOfItem(atPath: temporary + "/data.mdb")[.size] as? Int ?? 0
            guard !FileManager.default.fileExists(atPath: url.path) else { throw SnapshotError("\(destination) already exists") }
            guard rename(temporary, url.path) == 0 else {
                throw SnapshotError("cannot rename \(temporary) to \(url.path): \(String(cString: strerror(errno)))")
            }
            let fd = open(parent, O_RDONLY)
            if fd >= 0 { fsync(fd); close(fd) }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            return SnapshotSummary(path: url.path, commit: commit, bytes: bytes, seconds: seconds)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}

/// Why a snapshot could not be written, as one line for a user.
public struct SnapshotError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
