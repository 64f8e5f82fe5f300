import Foundation
import LoupeTestSupport

/// A generated folder in two versions, for indexing runs to be killed in.
///
/// Runs index `root`, a symbolic link pointed at version A or B, so both versions have the same
/// document ids and sources. Every document has a title naming its version and number
/// (`alphamark doc12` in A, `betamark doc12` in B), a line of words, and 160 KB of punctuation
/// that holds no terms: it fills a writer's memory budget at little cost, so with
/// `--memory-budget 16` a run commits about every hundred documents, and the index stays small
/// enough to check quickly. B changes every document of A but every fifth, leaves out every
/// seventh and adds others in between, so a complete B run updates, keeps and deletes documents.
struct CrashCorpus {
    /// One version: its folder, and its files in the order an indexing run walks them.
    struct Version {
        let directory: String
        /// (document id, title), sorted by the id's bytes, which is the walk order here.
        let documents: [(id: String, title: String)]
    }

    let root: String
    let a: Version
    let b: Version

    /// - Parameter uniqueWords: random words per document besides the common ones, nearly all
    ///   distinct: terms, and postings, for compaction to rewrite.
    init(in dir: TemporaryDirectory, files: Int, seed: UInt64, uniqueWords: Int = 0) throws {
        root = dir.path + "/corpus"
        var random = SeededGenerator(seed: seed)
        let vocabulary = (0..<500).map { _ in
            String((0..<Int.random(in: 3...9, using: &random)).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement(using: &random)! })
        }
        /// Writes a document titled `title` at `id` under `directory`; returns (id, title).
        func write(_ directory: String, _ id: String, _ title: String) throws -> (id: String, title: String) {
            var words = (0..<30).map { _ in vocabulary.randomElement(using: &random)! }.joined(separator: " ")
            for _ in 0..<uniqueWords {
                words += " " + String((0..<12).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement(using: &random)! })
            }
            try Self.create(directory + "/" + id, Array((title + "\n" + words + "\n").utf8) + Self.filler)
            return (id, title)
        }
        let aDirectory = dir.path + "/corpus-a", bDirectory = dir.path + "/corpus-b"
        var aDocuments: [(id: String, title: String)] = [], bDocuments: [(id: String, title: String)] = []
        for n in 0..<files { aDocuments.append(try write(aDirectory, Self.id(n), "alphamark doc\(n)")) }
        for n in 0..<files where n % 7 != 3 {
            if n % 5 == 0 {
                // The same file (a hard link): size and mtime tell a run it is unchanged.
                let path = bDirectory + "/" + Self.id(n)
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try FileManager.default.linkItem(atPath: aDirectory + "/" + Self.id(n), toPath: path)
                bDocuments.append(aDocuments[n])
            } else {
                bDocuments.append(try write(bDirectory, Self.id(n), "betamark doc\(n)"))
            }
        }
        for n in 0..<files where n % 10 == 5 { bDocuments.append(try write(bDirectory, Self.id(n, "x"), "betamark doc\(n)x")) }
        let walkOrder: ((id: String, title: String), (id: String, title: String)) -> Bool = { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        a = Version(directory: aDirectory, documents: aDocuments.sorted(by: walkOrder))
        b = Version(directory: bDirectory, documents: bDocuments.sorted(by: walkOrder))
    }

    /// The id of document `n`: ten folders, zero-padded names, so byte order is walk order.
    private static func id(_ n: Int, _ suffix: String = "") -> String {
        "d\(n % 10)/f" + String(repeating: "0", count: max(0, 5 - String(n).count)) + String(n) + suffix + ".txt"
    }

    private static func create(_ path: String, _ bytes: [UInt8]) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// 160 KB of dashes and spaces: text without a term.
    static let filler: [UInt8] = Array(repeating: Array(String(repeating: "- ", count: 39).utf8) + [UInt8(ascii: "\n")], count: 2048)
        .flatMap { $0 }

    /// The first `count` documents of `version` (hard links to its files) in `directory`.
    func head(_ count: Int, of version: Version, in directory: String) throws -> Version {
        let documents = Array(version.documents.prefix(count))
        for document in documents {
            let path = directory + "/" + document.id
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.linkItem(atPath: version.directory + "/" + document.id, toPath: path)
        }
        return Version(directory: directory, documents: documents)
    }

    /// Points ``root`` at `version`.
    func use(_ version: Version) throws {
        try? FileManager.default.removeItem(atPath: root)
        try FileManager.default.createSymbolicLink(atPath: root, withDestinationPath: version.directory)
    }
}
