import Foundation
import LoupeIndex

/// What an index holds, read back after a run was killed: id → title of every live document.
struct IndexContents: Equatable {
    var titles: [String: String] = [:]

    /// No index: no documents.
    init() {}

    /// Opens the index at `path` (none there counts as empty) and reads it, checking on the way
    /// that its id table, documents and statistics agree.
    init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path + "/data.mdb") else { return }
        let index = try Index.open(at: path)
        let reader = try index.reader()
        var titles: [String: String] = [:]
        try reader.forEachId { id, doc in
            guard let record = try reader.document(doc), record.id == id, !reader.isDeleted(doc) else {
                throw CrashCheckFailure("id \(id) leads to doc \(doc), which is deleted or holds another document")
            }
            titles[id] = record.title
        }
        self.titles = titles
        let statistics = reader.statistics
        guard statistics.liveDocs == UInt32(titles.count) else {
            throw CrashCheckFailure("\(titles.count) live ids, but the statistics say \(statistics.liveDocs) live documents")
        }
        for marker in ["alphamark", "betamark"] {
            let expected = titles.values.filter { $0.hasPrefix(marker + " ") }.count
            let found = Int(try reader.termInfo(.body, marker)?.docFreq ?? 0)
            guard found == expected else { throw CrashCheckFailure("df(\(marker)) is \(found), but \(expected) live documents hold it") }
        }
    }
}

/// The states an index may be left in while runs bring it from `base` to `target`.
///
/// A run commits documents in walk order, and removes the documents gone from disk in its last
/// commit. So after any number of killed runs, the index must hold, for some k, the first k
/// documents of `target` in their target version and every other document as in `base`; or,
/// once all of `target` is in, `target` exactly.
struct RunPhase {
    let base: [String: String]
    let target: [(id: String, title: String)]
    let complete: [String: String]

    init(base: [String: String], target: [(id: String, title: String)]) {
        self.base = base
        self.target = target
        complete = Dictionary(uniqueKeysWithValues: target.map { ($0.id, $0.title) })
    }

    /// How many target documents `contents` holds (k above) and whether the phase is done; nil
    /// when `contents` is no state this phase can leave behind.
    func committed(_ contents: IndexContents) -> (documents: Int, done: Bool)? {
        if contents.titles == complete { return (target.count, true) }
        let (k, expected) = closestState(to: contents.titles)
        return contents.titles == expected ? (k, false) : nil
    }

    /// A description of how `contents` differs from the state it is closest to.
    func mismatch(_ contents: IndexContents) -> String {
        let observed = contents.titles
        let (k, expected) = closestState(to: observed)
        let unexpected = observed.filter { expected[$0.key] != $0.value }.keys.sorted().prefix(5)
        let missing = expected.filter { observed[$0.key] == nil }.keys.sorted().prefix(5)
        return "with the first \(k) target documents in, found \(observed.count) documents; "
            + "unexpected \(Array(unexpected)), missing \(Array(missing))"
    }

    /// The longest k such that `observed` holds the first k target documents, and the state with
    /// exactly those in.
    private func closestState(to observed: [String: String]) -> (Int, [String: String]) {
        var k = 0
        while k < target.count, observed[target[k].id] == target[k].title { k += 1 }
        var expected = base
        for document in target[..<k] { expected[document.id] = document.title }
        return (k, expected)
    }
}

struct CrashCheckFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
