import ArgumentParser
import Foundation
import LoupeEngine
import LoupeEval

/// `loupe eval`: run a query file and write a TREC run (optionally scoring it).
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Run every query of a qid<TAB>text file and write a TREC run file.",
        discussion: """
            Query text is read as a user typed it: punctuation never becomes a syntax error. \
            With --qrels the run is also scored (MAP, nDCG@10, P@10, R@100, as trec_eval defines them).
            """)

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "The queries: one qid<TAB>text per line.")
    var queries: String

    @Option(name: .customLong("run"), help: "Where to write the run (qid Q0 docid rank score loupe).")
    var runPath: String

    @Option(name: .long, help: "Documents per query.")
    var depth: Int = 1000

    @Option(name: .long, help: "Relevance judgments to score the run against.")
    var qrels: String?

    @Flag(name: .long, help: "Rank by the words alone, without the proximity of neighbouring words (search.proximity = false).")
    var noProximity = false

    @OptionGroup var expansion: ExpansionFlags

    func validate() throws {
        if depth < 1 { throw ValidationError("--depth must be at least 1") }
    }

    func run() throws {
        let settings = try common.settings()
        let index = try common.openIndex(settings)
        guard let text = try? String(contentsOfFile: queries, encoding: .utf8) else { throw CLIError("cannot read \(queries)") }
        var options = settings.search
        options.limit = depth
        if noProximity { options.proximity = false }
        options.expansion = expansion.expansion(settings)
        let searcher = Searcher(reader: try index.reader(), defaultParameters: settings.bm25)
        var results: [String: [ScoredDocument]] = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            guard let tab = line.firstIndex(of: "\t") else { throw CLIError("\(queries):\(number + 1): expected qid<TAB>text") }
            let qid = String(line[..<tab]).trimmingCharacters(in: .whitespaces)
            let hits = try searcher.search(String(line[line.index(after: tab)...]), options: options).hits
            results[qid] = hits.map { ScoredDocument(docid: $0.id, score: $0.score) }
        }
        let runData = Run(results: results)
        try RunWriter(tag: "loupe").write(runData, to: runPath)
        guard let qrels else { return }
        let evaluation = evaluate(run: runData, qrels: try Qrels(contentsOf: qrels))
        print(String(
            format: "queries %d  MAP %.4f  nDCG@10 %.4f  P@10 %.4f  R@100 %.4f", evaluation.queries, evaluation.map,
            evaluation.ndcg10, evaluation.p10, evaluation.recall100))
    }
}
