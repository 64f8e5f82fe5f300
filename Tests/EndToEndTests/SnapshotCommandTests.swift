import Foundation
import LoupeTestSupport
import Testing

/// `loupe snapshot`: a copy that `loupe check` passes and `loupe search` reads as the original,
/// its commit and size printed; a destination that exists is refused and left alone.
@Suite struct SnapshotCommandTests {
    @Test func aSnapshotSearchesLikeTheIndexAndChecksClean() throws {
        let dir = TemporaryDirectory("snapshot")
        for i in 0..<30 { _ = try dir.write("docs/f\(i).txt", "File \(i)\nsnapshot text number \(i) \(i % 3 == 0 ? "fizz" : "")") }
        let index = dir.path + "/index"
        #expect(try LoupeProcess.run(["index", dir.path + "/docs", "--index", index]).status == 0)

        let made = try LoupeProcess.run(["snapshot", "--index", index, dir.path + "/copy", "--json"])
        #expect(made.status == 0, "\(made.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(made.stdout.utf8)) as? [String: Any])
        #expect(summary["path"] as? String == dir.path + "/copy")
        #expect((summary["commit"] as? Int ?? 0) > 0)
        let size = try FileManager.default.attributesOfItem(atPath: dir.path + "/copy/data.mdb")[.size] as? Int
        #expect(summary["bytes"] as? Int == size)

        let check = try LoupeProcess.run(["check", "--index", dir.path + "/copy"])
        #expect(check.status == 0 && check.stdout.contains("ok: 30 documents"), "\(check.stdout)")
        let original = try LoupeProcess.run(["search", "fizz", "--index", index, "--json", "--no-snippets"])
        let copied = try LoupeProcess.run(["search", "fizz", "--index", dir.path + "/copy", "--json", "--no-snippets"])
        #expect(original.stdout.replacingOccurrences(of: #""took_us":\d+"#, with: "", options: .regularExpression)
            == copied.stdout.replacingOccurrences(of: #""took_us":\d+"#, with: "", options: .regularExpression))

        let human = try LoupeProcess.run(["snapshot", "--index", index, dir.path + "/second"])
        #expect(human.stdout.hasPrefix("snapshot \(dir.path)/second: commit \(summary["commit"] as? Int ?? -1), "), "\(human.stdout)")

        let again = try LoupeProcess.run(["snapshot", "--index", index, dir.path + "/copy"])
        #expect(again.status != 0)
        #expect(again.stderr.contains("\(dir.path)/copy already exists"))
        #expect(try LoupeProcess.run(["check", "--index", dir.path + "/copy"]).status == 0)
        let none = try LoupeProcess.run(["snapshot", "--index", dir.path + "/nothing", dir.path + "/x"])
        #expect(none.status != 0 && none.stderr.contains("no Loupe index"))
    }
}
