import Foundation
import Testing
import LoupeEval

/// Reading qrels and runs from files.
@Suite struct FileReadingTests {
    /// A fresh file path in the temporary directory, removed after `body` runs.
    private func withTemporaryFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-eval-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url.path)
    }

    @Test func readsQrelsAndRunFiles() throws {
        let qrels = try withTemporaryFile(Array("1 0 a 1\n".utf8)) { try Qrels(contentsOf: $0) }
        let run = try withTemporaryFile(Array("1 Q0 a 1 2 t\n".utf8)) { try Run(contentsOf: $0) }
        #expect(evaluate(run: run, qrels: qrels).map == 1)
    }

    @Test func errorsNameTheFilePath() throws {
        try withTemporaryFile(Array("1 Q0 a 1 2 t\n1 Q0 b\n".utf8)) { path in
            let error = #expect(throws: TrecFileError.self) { try Run(contentsOf: path) }
            #expect(error?.description == "\(path):2: expected 6 columns, got 3")
        }
    }

    @Test func invalidUTF8IsAnErrorOnItsLine() throws {
        try withTemporaryFile(Array("1 0 a 1\r\n1 0 b 1\n1 0 ".utf8) + [0xFF] + Array(" 1\n".utf8)) { path in
            let error = #expect(throws: TrecFileError.self) { try Qrels(contentsOf: path) }
            #expect(error == TrecFileError(source: path, line: 3, message: "invalid UTF-8"))
        }
    }

    @Test func aMissingFileIsAnErrorWithoutLine() {
        let path = "/nonexistent/loupe-eval/qrels.txt"
        let error = #expect(throws: TrecFileError.self) { try Qrels(contentsOf: path) }
        #expect(error?.source == path)
        #expect(error?.line == nil)
        #expect(error?.description.hasPrefix("\(path): cannot read file") == true)
    }
}
