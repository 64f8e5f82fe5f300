import ArgumentParser
import Foundation
import LoupeIndex

/// `loupe snapshot`: a consistent, compacted copy of a live index.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Write a consistent, compacted copy of the index into a new directory.",
        discussion: """
            The copy is one commit, taken with LMDB's hot copy (mdb_env_copy2 with MDB_CP_COMPACT) while writers \
            and a running louped keep working. DEST must not exist; the copy is written under a hidden temporary \
            name beside it, synced, then renamed, so DEST appears complete or not at all. Prints the commit number \
            the copy holds and its size. `louped --follow` serves such snapshots (docs/scale-out.md).
            """)

    @OptionGroup var common: CommonOptions

    @Argument(help: "The new snapshot directory.")
    var destination: String

    @Flag(name: .long, help: "Print one JSON object: path, commit, bytes, seconds.")
    var json = false

    func run() throws {
        let index = try common.openIndex(try common.settings())
        let summary: SnapshotSummary
        do {
            summary = try SnapshotWriter.write(index, to: destination)
        } catch {
            throw CLIError("snapshot: \(error)")
        }
        if json {
            print(JSONValue.object([
                ("path", .string(summary.path)), ("commit", .int(Int(summary.commit))), ("bytes", .int(summary.bytes)),
                ("seconds", .double((summary.seconds * 1000).rounded() / 1000)),
            ]).text)
        } else {
            print(String(
                format: "snapshot %@: commit %llu, %@ (%lld bytes), %.2f s", summary.path, summary.commit,
                ByteCountFormatter.string(fromByteCount: Int64(summary.bytes), countStyle: .binary), Int64(summary.bytes), summary.seconds))
        }
    }
}
