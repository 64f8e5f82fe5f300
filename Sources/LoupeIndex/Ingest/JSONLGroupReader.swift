import LoupeExtract

/// The reading half of a ``JSONLIndexer`` run, made for a thread of its own: parses the file's
/// lines, recognises the documents that did not change, and hands the others over in groups
/// through a ``BoundedQueue``, so that reading and parsing the next group overlaps the writer's
/// inversion of this one.
///
/// A group is handed over when it holds ``groupDocuments`` documents or ``groupBytes`` bytes of
/// them, or after ``groupLines`` lines (so that a run over unchanged lines still reports
/// progress). The last group carries the ids of the documents gone from the file; a read error
/// ends the groups with one that carries it. When the consumer cancels the queue, reading stops
/// at the next hand-over.
struct JSONLGroupReader: Sendable {
    /// The file, as an absolute path.
    let path: String
    /// The documents' `source` (`jsonl:` and the path).
    let source: String
    /// The content hash of each document this file gave the index before, by id.
    let known: [String: UInt64]
    let groupDocuments: Int
    let groupBytes: Int
    let groupLines: Int

    private struct Cancelled: Error {}

    /// Reads the whole file into `queue`, then finishes it.
    func run(into queue: BoundedQueue<JSONLGroup>) {
        defer { queue.finish() }
        var group = JSONLGroup()
        var lines = 0
        var seen = ExternalIdSet()
        do {
            try JSONLinesReader(path: path).forEach { result in
                lines += 1
                switch result {
                case .failure(let error):
                    group.skipped.append(("\(path):\(error.line)", error.description))
                case .success(let line):
                    let size = line.text.utf8.count + line.title.utf8.count + line.id.utf8.count
                    group.bytes += size + 32
                    let document = DocumentInput(id: line.id, title: line.title, text: line.text, source: source)
                    let firstTime = seen.insert(line.id)
                    let previous = known[line.id]
                    if firstTime, let previous, document.hasContent(hashed: previous) {
                        group.unchanged += 1
                    } else {
                        if previous != nil || !firstTime { group.updated += 1 } else { group.added += 1 }
                        group.documents.append(document)
                        group.documentBytes += size
                    }
                }
                if group.documents.count >= groupDocuments || group.documentBytes >= groupBytes || lines % groupLines == 0 {
                    guard queue.put(group) else { throw Cancelled() }
                    group = JSONLGroup()
                }
            }
        } catch let error as JSONLinesFileError {
            group.failure = error
            _ = queue.put(group)
            return
        } catch {
            return   // cancelled
        }
        group.gone = known.keys.filter { !seen.contains($0) }
        _ = queue.put(group)
    }
}
