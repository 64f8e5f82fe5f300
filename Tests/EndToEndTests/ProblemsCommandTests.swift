import Foundation
import LoupeTestSupport
import Testing

/// `loupe index` on a folder with links and unreadable files, and `loupe problems`, through the
/// built binary.
@Suite struct ProblemsCommandTests {
    static let binary: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13, 0xFF, 0xFE] + [UInt8](repeating: 0, count: 64)

    @Test func unreadableFilesAreFoundByNameAndListed() throws {
        let dir = TemporaryDirectory("problems")
        let docs = dir.path + "/docs", index = dir.path + "/index"
        try dir.write("docs/notes.txt", "plain notes about lighthouses")
        try dir.write("docs/quarterly_report.bin", Self.binary)
        try dir.write("outside/elsewhere.txt", "text reached through a link")
        try FileManager.default.createSymbolicLink(atPath: docs + "/linked", withDestinationPath: dir.path + "/outside")

        let indexed = try LoupeProcess.run(["index", docs, "--index", index])
        #expect(indexed.status == 0)
        #expect(indexed.stdout.contains("added 2,"))
        #expect(indexed.stdout.contains("1 symbolic links left alone, 0 duplicate paths"))
        #expect(indexed.stdout.hasSuffix("1 files could not be read (`loupe problems` lists them)\n"))

        let search = try LoupeProcess.run(["search", "quarterly", "--index", index])
        #expect(search.stdout.contains("quarterly_report.bin"))
        #expect(try LoupeProcess.run(["search", "path:elsewhere", "--index", index]).stdout.contains("elsewhere.txt") == false)

        let text = try LoupeProcess.run(["problems", "--index", index])
        #expect(text.status == 0)
        #expect(text.stdout == "\(docs)/quarterly_report.bin: binary content (text 1)\n1 file could not be read\n")

        let json = try LoupeProcess.run(["problems", "--index", index, "--json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["count"] as? Int == 1)
        let problem = try #require((object["problems"] as? [[String: Any]])?.first)
        #expect(problem["path"] as? String == docs + "/quarterly_report.bin")
        #expect(problem["id"] as? String == "quarterly_report.bin")
        #expect(problem["reason"] as? String == "binary content")
        #expect(problem["extractor"] as? String == "text" && problem["extractor_version"] as? Int == 1)
        #expect(problem["missing_program"] is NSNull)
        #expect(problem["size"] as? Int == Self.binary.count && (problem["mtime"] as? Int ?? 0) > 1_000_000_000)

        #expect(try LoupeProcess.run(["stats", "--index", index]).stdout.contains("problems     1 files"))

        let followed = try LoupeProcess.run(["index", docs, "--index", index, "--follow-symlinks"])
        #expect(followed.stdout.contains("added 1,"))
        #expect(followed.stdout.contains("0 symbolic links left alone"))
        #expect(try LoupeProcess.run(["search", "path:elsewhere", "--index", index]).stdout.contains("linked/elsewhere.txt"))
    }

    @Test func problemsNeedsAnIndex() throws {
        let dir = TemporaryDirectory("problems")
        let run = try LoupeProcess.run(["problems", "--index", dir.path + "/none"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("none"))
    }
}
