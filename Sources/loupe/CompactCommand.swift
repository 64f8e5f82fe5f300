import ArgumentParser
import Foundation
import LoupeIndex

/// `loupe compact`: rewrite the index without its deleted documents.
struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Rewrite postings without deleted documents and merge each term's chunks into one.",
        discussion: "Atomic like every commit: interrupted, the index stays as it was. Searches keep working meanwhile.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        let index = try common.openIndex(try common.settings())
        let started = Date()
        let summary = try Compactor(index: index).compact()
        print(String(
            format: "dropped %d deleted documents; %d terms rewritten, %d removed; chunks %d -> %d; %.2f s",
            summary.droppedDocuments, summary.terms, summary.removedTerms, summary.chunksBefore, summary.chunksAfter,
            Date().timeIntervalSince(started)))
    }
}
