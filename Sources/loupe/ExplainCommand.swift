import ArgumentParser
import Foundation
import LoupeEngine

/// `loupe explain`: why a document got its score.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Break a document's score for a query into its BM25 parts.",
        discussion: """
            Each line is one term or phrase in one field; the scores add up to the score `loupe search` reports. \
            With --expand, a first line lists the terms RM3 added and their weights, and each term's line carries its weight in its boost.
            """)

    @OptionGroup var common: CommonOptions

    @Argument(help: "The query.")
    var query: String

    @Argument(help: "The document id.")
    var id: String

    @Option(name: .long, help: "BM25 k1 for this query.")
    var k1: Double?

    @Option(name: .long, help: "BM25 b for this query.")
    var b: Double?

    @Flag(name: .long, help: "Rank by the words alone, without the proximity of neighbouring words (search.proximity = false).")
    var noProximity = false

    @OptionGroup var expansion: ExpansionFlags

    func run() throws {
        let settings = try common.settings()
        let index = try common.openIndex(settings)
        var options = settings.search
        if noProximity { options.proximity = false }
        options.expansion = expansion.expansion(settings)
        if k1 != nil || b != nil { options.bm25 = BM25Parameters(k1: k1 ?? settings.bm25.k1, b: b ?? settings.bm25.b) }
        let searcher = Searcher(reader: try index.reader(), defaultParameters: settings.bm25)
        let explanation: (score: Double, parts: [ScoreExplanation])?
        let expanded: QueryExpansion?
        do {
            explanation = try searcher.explain(query, id: id, options: options)
            expanded = try searcher.expansion(of: query, options: options)
        } catch let error as SearchError {
            throw CLIError("\(error)")
        }
        if let expanded { print(HumanResults.expansionLine(expanded)) }
        guard let explanation else {
            print("\(id) does not match \(query)")
            return
        }
        print(String(format: "%.6f  total score of %@", explanation.score, id))
        for part in explanation.parts {
            print(String(
                format: "%.6f  %@:%@  tf=%g df=%g N=%g idf=%.6f dl=%g avgdl=%.4f k1=%g b=%g boost=%g",
                part.score, part.field, part.description, part.tf, part.docFreq, part.docCount, part.idf, part.length,
                part.averageLength, part.k1, part.b, part.boost))
        }
        print("dl is the field length scoring uses: its one-byte norm, exact below 40 tokens, then up to 12.5 % short (docs/ranking.md)")
    }
}
