import Foundation
import LoupeIndex
import LoupeTestSupport
import Testing

extension CrashSafetyTests {
    /// `kill -9` during real `loupe index --jsonl` loads, at random moments of their flushes (which
    /// write document blocks ahead of the commit, ``DocumentStaging``) and of their merge.
    ///
    /// Loads alternate between two versions of one JSON-lines file. A load commits once, so after
    /// every kill the index must open, `loupe check` must pass, and the index must hold exactly one
    /// version, every document's text as that version has it: staged blocks of a killed load are
    /// never served. A load run to its end leaves no stray block behind.
    @Test func everyKilledBulkLoadLeavesTheLastCommit() throws {
        print("bulk-load crash test: \(crashRuns) runs, LOUPE_CRASH_SEED=\(crashSeed)")
        var random = SeededGenerator(seed: crashSeed)
        let dir = TemporaryDirectory("bulkcrash")
        let indexPath = dir.path + "/index"
        let versions = try ["alphamark", "betamark"].map { marker in try BulkVersion(marker, documents: 240, in: dir.path) }
        func load(_ version: BulkVersion) -> [String] {
            ["index", "--jsonl", version.path, "--index", indexPath, "--memory-budget", "16", "--analyzer", "simple"]
        }

        let started = ContinuousClock.now
        let first = try LoupeCLI.run(load(versions[0]))
        let wholeRun = started.duration(to: .now)
        #expect(first.status == 0, "\(first.stderr)")
        try versions[0].expectHeld(by: indexPath)

        var current = 0, kills = 0, withStrays = 0
        for run in 0..<crashRuns {
            let target = 1 - current
            let delay = wholeRun * 1.1 * Double.random(in: 0...1, using: &random)
            switch try LoupeCLI.runAndKill(load(versions[target]), after: delay) {
            case .killed: kills += 1
            case .exited(let status, let stderr): #expect(status == 0, "run \(run) failed by itself: \(stderr)")
            }
            let check = try LoupeCLI.run(["check", "--index", indexPath])
            #expect(check.status == 0, "run \(run): loupe check failed: \(check.stdout) \(check.stderr)")
            if check.stdout.contains("beyond the last commit") { withStrays += 1 }
            let held = try versions.firstIndex { try $0.isHeld(by: indexPath) }
            guard let held else {
                Issue.record("run \(run) (seed \(crashSeed)): the index holds neither version")
                return
            }
            current = held
        }
        // A load run to its end reclaims every stray block of the killed ones.
        let last = try LoupeCLI.run(load(versions[1 - current]))
        #expect(last.status == 0, "\(last.stderr)")
        try versions[1 - current].expectHeld(by: indexPath)
        let check = try LoupeCLI.run(["check", "--index", indexPath])
        #expect(check.status == 0 && !check.stdout.contains("beyond the last commit"), "\(check.stdout)")
        print("bulk-load crash test: \(crashRuns) runs, \(kills) killed, \(withStrays) left staged blocks; a whole load takes \(wholeRun)")
    }
}

/// One version of a JSON-lines file: `documents` lines, each titled `MARKER dN`, whose text names
/// the marker and the document and is filled with 160 KB of punctuation (no terms), so that a
/// `--memory-budget 16` load flushes several times and still indexes quickly.
private struct BulkVersion {
    let path: String
    let texts: [String: String]

    init(_ marker: String, documents: Int, in directory: String) throws {
        path = directory + "/\(marker).jsonl"
        let filler = String(repeating: ".,;:!?-", count: 160_000 / 7)
        var texts: [String: String] = [:]
        var lines = ""
        for i in 0..<documents {
            let text = "\(marker) d\(i) words of \(marker)\n" + filler + " end \(i)"
            texts["d\(i)"] = text
            lines += "{\"id\": \"d\(i)\", \"title\": \"\(marker) d\(i)\", \"text\": \"\(text.replacingOccurrences(of: "\n", with: "\\n"))\"}\n"
        }
        self.texts = texts
        try lines.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// True when the index at `indexPath` holds exactly these documents and texts.
    func isHeld(by indexPath: String) throws -> Bool {
        let contents = try IndexContents(path: indexPath)
        guard contents.titles.count == texts.count, contents.titles.allSatisfy({ $0.value.hasSuffix(" \($0.key)") }) else { return false }
        let reader = try Index.open(at: indexPath).reader()
        for (id, text) in texts {
            guard let doc = try reader.docId(forId: id),
                  try reader.withText(doc, { String(decoding: $0, as: UTF8.self) }) == text else { return false }
        }
        return true
    }

    func expectHeld(by indexPath: String) throws {
        #expect(try isHeld(by: indexPath), "the index does not hold \(path)")
    }
}
