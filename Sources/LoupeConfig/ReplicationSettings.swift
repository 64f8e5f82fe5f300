/// The `[replication]` options: a replica follows a directory of snapshots, a primary publishes
/// snapshots into one (docs/scale-out.md).
public struct ReplicationSettings: Sendable {
    /// Serve the newest complete snapshot in this directory, read-only (`--follow`), instead of
    /// ``ServerConfiguration/indexPath``; nil serves the index itself.
    public var follow: String? = nil
    /// Seconds between a replica's looks at its directory when inotify reports nothing.
    public var checkEverySeconds = 5
    /// Write snapshots of the index into this directory after commits (`--publish`); nil writes none.
    public var publish: String? = nil
    /// At most one snapshot per this many seconds (`--publish-every`).
    public var publishEverySeconds = 60
    /// Snapshots kept in the publish directory; older ones are deleted (`--publish-keep`).
    public var keep = 3

    public init() {}
}
