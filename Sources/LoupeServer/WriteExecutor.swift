import LoupeConfig
import LoupeIndex
import LoupeProtocol

/// Answers the write commands (INDEX, DELETE). Called only from the single write thread, and
/// each command runs holding `writerLock` (which the root watcher's batches hold too), so one
/// writer at a time changes the index; each command commits before it replies `OK`.
struct WriteExecutor: Sendable {
    let index: Index
    let engine: LoupeSettings
    let roots: RootPolicy
    let writerLock: WriterLock

    /// The reply to `request`, one of the write commands, once its changes are committed.
    func execute(_ request: Request) throws -> Reply {
        try writerLock.run { try executeAlone(request) }
    }

    private func executeAlone(_ request: Request) throws -> Reply {
        switch request {
        case .index(let path):
            let target = try roots.locate(path)
            // A root itself is a full run over the roots; anything under one, only that path.
            let report = target.relativePath.isEmpty
                ? try FolderIndexer(index: index, options: engine.indexing).run(roots: roots.roots.paths)
                : try PathIndexer(index: index, roots: roots.roots, options: engine.indexing).run([target])
            return .ok([
                Reply.Field("added", String(report.added)), Reply.Field("updated", String(report.updated)),
                Reply.Field("removed", String(report.removed)), Reply.Field("unchanged", String(report.unchanged)),
                Reply.Field("skipped", String(report.skipped.count)),
                Reply.Field("took_ms", String(Int(report.seconds * 1000))),
            ])
        case .delete(let id):
            guard try index.reader().docId(forId: id) != nil else { throw ProtocolError(.notFound, "no document with id \(id)") }
            let writer = try IndexWriter(index: index, memoryBudget: engine.indexing.memoryBudget)
            writer.delete(id: id)
            let summary = try writer.commit()
            return .ok([Reply.Field("deleted", String(summary.deleted))])
        default:
            throw ProtocolError(.internalError, "\(request.command.name) is not a write")
        }
    }
}
