import Foundation

/// The `INFO` lines only a replica has: which snapshot it serves and how old it is.
enum ReplicaInfo {
    /// `snapshot` (the directory's name) and `snapshot_age_s` (whole seconds since the primary
    /// wrote it), or nothing on a primary.
    static func fields(_ served: IndexSource.Served) -> [(String, String)] {
        guard let name = served.snapshot, let written = served.written else { return [] }
        return [("snapshot", name), ("snapshot_age_s", String(max(0, Int(Date().timeIntervalSince(written)))))]
    }
}
