import Foundation
import Glibc

/// A size-limited tmpfs mounted on a fresh folder, for running out of disk space on purpose.
/// Mounting needs root (CAP_SYS_ADMIN), as in CI.
final class TmpfsMount {
    /// Where it is mounted.
    let path: String
    private var mounted = true

    /// Mounts a tmpfs of `megabytes` MiB at `path` (created if missing).
    init(at path: String, megabytes: Int) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard mount("tmpfs", path, "tmpfs", 0, "size=\(megabytes)m") == 0 else {
            throw CrashCheckFailure("mount -t tmpfs on \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Whether this process may mount a tmpfs (tried once, on a scratch folder).
    static let available: Bool = {
        let probe = NSTemporaryDirectory() + "loupe-tmpfs-probe-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard let mount = try? TmpfsMount(at: probe, megabytes: 1) else { return false }
        mount.unmount()
        return true
    }()

    /// Bytes still free on it.
    var freeBytes: Int {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return 0 }
        return Int(stats.f_bavail) * Int(stats.f_frsize)
    }

    func unmount() {
        guard mounted else { return }
        mounted = umount2(path, Int32(MNT_DETACH)) != 0
    }

    deinit { unmount() }
}
