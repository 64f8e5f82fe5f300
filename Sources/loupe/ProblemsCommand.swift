import ArgumentParser
import Foundation
import LoupeIndex

/// `loupe problems`: the files the index could not read, from its problem ledger.
struct ProblemsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "problems",
        abstract: "List the files that were skipped or could not be read, with the reason and the extractor.",
        discussion: """
            A file whose content could not be read is still indexed by its name and path. Paths the folder walk \\
            passed over (unreadable folders, symbolic-link loops, FIFOs) show the extractor `walk`. The next \\
            `loupe index` retries a file when it changed, when its extractor's version changed, or when the \\
            missing helper program appeared in PATH.
            """)

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: """
        Print {"count", "problems": [{"path", "id", "reason", "extractor", "extractor_version", "missing_program", \
        "size", "mtime"}]} (mtime in seconds since 1970; missing_program null unless a helper was missing).
        """)
    var json = false

    func run() throws {
        let index = try common.openIndex(try common.settings())
        let problems = try index.reader().problems()
        if json {
            let items: [JSONValue] = problems.map { problem in
                .object([
                    ("path", .string(problem.path)), ("id", .string(problem.id)), ("reason", .string(problem.reason)),
                    ("extractor", .string(problem.extractor)), ("extractor_version", .int(problem.extractorVersion)),
                    ("missing_program", problem.missingProgram.map { .string($0) } ?? .null),
                    ("size", .int(Int(clamping: problem.size))), ("mtime", .int(Int(problem.mtimeNanoseconds / 1_000_000_000))),
                ])
            }
            print(JSONValue.object([("count", .int(problems.count)), ("problems", .array(items))]).text)
            return
        }
        for problem in problems {
            var line = "\(problem.path): \(problem.reason) (\(problem.extractor)"
            if problem.extractor != FileProblem.walkExtractor { line += " \(problem.extractorVersion)" }
            if let program = problem.missingProgram { line += ", needs \(program)" }
            print(line + ")")
        }
        print("\(problems.count) file\(problems.count == 1 ? "" : "s") could not be read")
    }
}
