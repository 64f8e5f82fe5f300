import ArgumentParser
import Foundation
import LoupeIndex

/// `loupe compact`: rewrite the index without its deleted documents.
struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Rewrite the index without deleted documents, laid out as a fresh build of the same documents.",
        discussion: """
            Live documents are renumbered in external-id order, each term's chunks become one, and every table is \
            rewritten in key order. Atomic like every commit: interrupted, the index stays as it was. Searches keep \
            working meanwhile; the data file may grow to about twice the index's size while it runs.
            """)

    @OptionGroup var common: CommonOptions

    func run() throws {
        let index = try common.openIndex(try common.settings())
        let started = Date()
        let summary = try Compactor(index: index).compact()
        print(String(
            format: "dropped %d deleted documents; %d documents renumbered; %d terms rewritten, %d removed; chunks %d -> %d; %.2f s",
            summary.droppedDocuments, summary.documents, summary.terms, summary.removedTerms, summary.chunksBefore, summary.chunksAfter,
            Date().timeIntervalSince(started)))
    }
}
