/// What the index holds about one document of a file: enough to tell whether the file changed.
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

extension Dictionary where Key == String, Value == IndexedFile {
    /// The documents among these (by id) of the file with id `id` at `path`: the one at `id`,
    /// and the parts `id#1`, `id#2`, ... of a multipart file that came from `path`.
    func documents(ofFile id: String, at path: String) -> [(id: String, file: IndexedFile)] {
        var found: [(id: String, file: IndexedFile)] = []
        if let whole = self[id] { found.append((id, whole)) }
        var part = 1
        while let document = self["\(id)#\(part)"], document.source == path {
            found.append(("\(id)#\(part)", document))
            part += 1
        }
        return found
    }
}
