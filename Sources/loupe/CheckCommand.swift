import ArgumentParser
import LoupeIndex

/// `loupe check`: verify every structure of the index.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify the index: postings and block metadata, the document table, statistics, the format version.",
        discussion: "Prints each problem found and exits 1 when there are any, 0 when the index is sound.")

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Stop listing after this many problems.")
    var maxProblems: Int = 100

    func run() throws {
        let index = try common.openIndex(try common.settings())
        let report = try IndexChecker(index: index).check(limit: maxProblems)
        for problem in report.problems { print("problem: \(problem)") }
        print(String(
            format: "%@: %d documents, %d terms, %d postings checked in %.2f s",
            report.isSound ? "ok" : "\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s")",
            report.documents, report.terms, report.postings, report.seconds))
        if report.strayEntries > 0 {
            print("note: \(report.strayEntries) document blocks and record groups beyond the last commit (an interrupted bulk load's; never read, reclaimed by the next load or `loupe compact`)")
        }
        if !report.isSound { throw ExitCode(1) }
    }
}
