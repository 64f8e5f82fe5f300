import Foundation
import LoupeIndex

/// The complete snapshots in a directory that `louped --publish` or `loupe snapshot` writes to
/// (or that rsync or a shared volume fills): every subdirectory whose name does not start with
/// `.` (temporary copies do) holding a `data.mdb` that opens as an index and is as long as its
/// own last page says. Each one's commit number is read from the snapshot itself, once per file.
final class SnapshotDirectory: @unchecked Sendable {
    /// One complete snapshot.
    struct Entry: Sendable {
        let name: String
        let path: String
        let commit: UInt64
        /// Its data file's modification time: when the primary wrote it (`rsync -a` keeps it).
        let written: Date
    }

    /// The directory.
    let path: String
    /// Commits already read, by name, inode, size and mtime of the data file.
    private var commits: [String: UInt64] = [:]

    init(path: String) {
        self.path = path
    }

    /// The subdirectories that may hold a snapshot, complete or still arriving (for watching).
    func subdirectories() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.map { path + "/" + $0 }.filter { candidate in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// The newest complete snapshot (highest commit; on a tie, the last name), nil when none is.
    /// Snapshots that do not open (still being copied, damaged) are skipped; `skipped` hears why.
    func newest(skipped: (String, String) -> Void = { _, _ in }) -> Entry? {
        var best: Entry?
        var seen: Set<String> = []
        for candidate in subdirectories().sorted() {
            let data = candidate + "/data.mdb"
            var status = stat()
            guard stat(data, &status) == 0 else { continue }
            let written = Date(timeIntervalSince1970: Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9)
            let key = "\(candidate)|\(status.st_ino)|\(status.st_size)|\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
            seen.insert(key)
            let commit: UInt64
            if let known = commits[key] {
                commit = known
            } else {
                do {
                    let index = try Self.open(candidate)
                    commit = try index.reader().commit
                } catch {
                    skipped(candidate, "\(error)")
                    continue
                }
                commits[key] = commit
            }
            let entry = Entry(name: (candidate as NSString).lastPathComponent, path: candidate, commit: commit, written: written)
            if best == nil || commit >= best!.commit { best = entry }
        }
        commits = commits.filter { seen.contains($0.key) }
        return best
    }

    /// Opens the snapshot at `path` read-only, refusing a data file shorter than its last page
    /// (a copy still being written in place), which would fault when read.
    static func open(_ path: String) throws -> Index {
        let index = try Index.openReadOnly(at: path)
        let size = (try FileManager.default.attributesOfItem(atPath: path + "/data.mdb")[.size] as? Int) ?? 0
        guard index.usedBytes <= size else {
            throw ServerError("\(path)/data.mdb is \(size) bytes, shorter than the \(index.usedBytes) its pages need: still being copied?")
        }
        return index
    }
}
