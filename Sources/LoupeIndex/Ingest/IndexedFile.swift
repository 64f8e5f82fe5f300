import LoupeExtract

/// What the index holds about a file's document: enough to tell whether the file changed.
struct IndexedFile {
    var size: UInt64
    var mtimeNanoseconds: Int64
    var contentHash: UInt64
    var source: String

    init(_ record: DocumentRecord) {
        size = record.size
        mtimeNanoseconds = record.mtimeNanoseconds
        contentHash = record.contentHash
        source = record.source
    }
}

extension IndexWriter {
    /// Brings document `id` in step with `file`, given what the index held for it (`previous`),
    /// and counts what it did in `report`.
    ///
    /// With `trustMetadata`, a file whose size, mtime and path match the index is taken as
    /// unchanged without being read, as a full scan does. Without it the file is always read and
    /// its content hash compared, for callers that know the file was written (mtimes are coarse:
    /// two writes can share one). An unchanged file whose size or mtime moved is touched; a file
    /// that cannot be extracted is reported as skipped and leaves the index as it was.
    func sync(
        file: WalkedFile, id: String, previous: IndexedFile?, trustMetadata: Bool, options: IndexingOptions,
        report: inout IndexingReport
    ) throws {
        let mtime = file.modificationTime.seconds * 1_000_000_000 + Int64(file.modificationTime.nanoseconds)
        let size = UInt64(file.size)
        let samePlace = previous?.source == file.path
        if trustMetadata, samePlace, previous?.size == size, previous?.mtimeNanoseconds == mtime {
            report.unchanged += 1
            return
        }
        let extracted: ExtractedDocument
        do {
            extracted = try DocumentExtractor.extract(fileAt: file.path, format: nil, maxBytes: options.maxFileSize)
        } catch {
            report.skipped.append((file.path, error.description))
            return
        }
        report.bytes += file.size
        let document = DocumentInput(
            id: id, title: extracted.title, text: extracted.text, source: file.path, mtimeNanoseconds: mtime, size: size)
        if let previous, samePlace, previous.contentHash == document.contentHash {
            if previous.size != size || previous.mtimeNanoseconds != mtime { touch(id: id, mtimeNanoseconds: mtime, size: size) }
            report.unchanged += 1
            return
        }
        if previous == nil { report.added += 1 } else { report.updated += 1 }
        if let commit = try add(document) { report.absorb(commit) }
    }
}
