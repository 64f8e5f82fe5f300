import ArgumentParser
import LoupeConfig
import LoupeEngine

/// `--expand` and its parameters, shared by `search`, `eval` and `explain`: RM3 pseudo-relevance
/// feedback (docs/ranking.md), off unless `search.expand` or `--expand` turns it on.
struct ExpansionFlags: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: "Expand the query with RM3 pseudo-relevance feedback: the best terms of its best documents (default: search.expand, off).")
    var expand: Bool?

    @Option(name: .customLong("expand-docs"), help: "With --expand: feedback documents, 1 to 1000 (default: search.expand_docs, 10).")
    var docs: Int?

    @Option(name: .customLong("expand-terms"), help: "With --expand: feedback terms, 1 to 1000 (default: search.expand_terms, 10).")
    var terms: Int?

    @Option(name: .customLong("expand-weight"), help: "With --expand: share of the original query, 0 to 1 (default: search.expand_weight, 0.5).")
    var weight: Double?

    func validate() throws {
        let counts = 1...ExpansionParameters.maximumCount
        if let docs, !counts.contains(docs) { throw ValidationError("--expand-docs must be between 1 and \(counts.upperBound), got \(docs)") }
        if let terms, !counts.contains(terms) { throw ValidationError("--expand-terms must be between 1 and \(counts.upperBound), got \(terms)") }
        if let weight, !(weight.isFinite && (0...1).contains(weight)) {
            throw ValidationError("--expand-weight must be between 0 and 1, got \(weight)")
        }
    }

    /// `settings`' parameters with the flags' values over them.
    private func parameters(_ base: ExpansionParameters) -> ExpansionParameters {
        ExpansionParameters(
            feedbackDocs: docs ?? base.feedbackDocs, feedbackTerms: terms ?? base.feedbackTerms,
            originalQueryWeight: weight ?? base.originalQueryWeight)
    }

    /// The expansion a search runs with: nil when off; the parameters flags alone do not turn it on.
    func expansion(_ settings: LoupeSettings) -> ExpansionParameters? {
        let on = expand ?? (settings.search.expansion != nil)
        return on ? parameters(settings.expansion) : nil
    }
}
