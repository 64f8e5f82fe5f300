import Foundation
import LoupeExtract

/// A JSON-lines file of 20,000 generated documents (``SearchFixture`` words, 40-160 per text, a
/// short title, an id) in a temporary directory, about 14 MB, read back whole by
/// `JSONLinesReader`: reading, splitting into lines and parsing each object, with the strings it
/// gives. One document in sixteen has escapes in its text (`\n`, `\"`, `\u00e9`), as exports do.
final class JSONLinesFixture: @unchecked Sendable {
    static let documents = 20_000

    let directory: URL
    let path: String
    let bytes: Int

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("loupe-micro-jsonl-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("docs.jsonl").path
        let zipf = ZipfSampler(n: SearchFixture.vocabulary, s: 1)
        let words = (1...SearchFixture.vocabulary).map(SearchFixture.word)
        var rng = SplitMix64(seed: 0x150A1)
        var file = ""
        for doc in 0..<Self.documents {
            let length = 40 + Int(rng.next() % 121)
            var text = (0..<length).map { _ in words[zipf.sample(&rng)] }.joined(separator: " ")
            if doc % 16 == 0 { text += #"\n\"quoted\" caf\u00e9"# }
            let title = (0..<3).map { _ in words[zipf.sample(&rng)] }.joined(separator: " ")
            file += #"{"id": "source/\#(doc).txt", "title": "\#(title)", "text": "\#(text)"}"# + "\n"
        }
        try file.write(toFile: path, atomically: true, encoding: .utf8)
        bytes = file.utf8.count
    }

    /// Reads the whole file; returns the bytes of the documents' texts, which it checks.
    func readAll() throws -> Int {
        var total = 0
        var documents = 0
        try JSONLinesReader(path: path).forEach { result in
            guard case .success(let document) = result else { fatalError("the fixture has a bad line") }
            total &+= document.text.utf8.count
            documents += 1
        }
        precondition(documents == Self.documents)
        return total
    }

    func removeDirectory() { try? FileManager.default.removeItem(at: directory) }
}

/// Built on first use, in the setup of the benchmark, so its time is not measured.
let jsonLinesFixture: JSONLinesFixture = {
    do {
        return try JSONLinesFixture()
    } catch {
        fatalError("cannot build the JSON-lines fixture: \(error)")
    }
}()
